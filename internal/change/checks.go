package change

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Checks lists the change-control rules in ID order. They need a base
// revision, so their Run is nil: Compare runs them, `qms check --base REF`
// calls Compare, and `qms check -list` shows them with the other checks.
var Checks = []*check.Check{
	RevisionNotRaised,
	RevisionNotApproved,
	Deleted,
	IDChanged,
	Suspect,
}

// RevisionNotRaised is CC001.
var RevisionNotRaised = &check.Check{
	ID: "CC001", Name: "revision-not-raised", Severity: qms.Error,
	Doc: `Quy trình đang áp dụng bị sửa mà không nâng lần ban hành
Chỉ chạy với --base: so sánh thư mục làm việc với phiên bản gốc (nhánh đích
của pull request). Một quy trình có status active ở cả hai phía (hoặc đã bị
bãi bỏ ở phía gốc) mà nội dung tệp thay đổi thì revision phải tăng: mỗi lần
sửa đổi, bổ sung quy trình là một lần ban hành mới, có ngày hiệu lực và quyết
định phê duyệt riêng (ISO 9001 mục 7.5.2, 7.5.3). Thay đổi chỉ ở các trường
ghi nhận việc quản lý tài liệu không tính là sửa đổi: review_by (lần rà soát
định kỳ), under_review (đang rà soát) và revisions (bảng theo dõi sửa đổi);
ghi chú sau dấu # và cách viết giá trị (có hay không có dấu ngoặc kép) cũng
không tính. Quy trình dự thảo (draft) được sửa tự do. Cách sửa: nâng revision, ghi effective và
approved_by của lần ban hành mới.`,
}

// RevisionNotApproved is CC002.
var RevisionNotApproved = &check.Check{
	ID: "CC002", Name: "revision-not-approved", Severity: qms.Error,
	Doc: `Lần ban hành mới thiếu quyết định phê duyệt mới hoặc ngày hiệu lực mới
Chỉ chạy với --base. Khi revision của một quy trình tăng so với phiên bản
gốc, approved_by phải là một quyết định mới: khác quyết định đã ban hành lần
trước và ký sau quyết định đó; effective phải muộn hơn ngày hiệu lực của lần
trước. Quyết định phê duyệt ký sau ngày hiệu lực được báo ở DT002; số văn bản
không tìm thấy được báo ở XR001. Cách sửa: thêm quyết định phê duyệt lần ban
hành mới vào decisions/ và dẫn nó trong approved_by.`,
}

// Deleted is CC003.
var Deleted = &check.Check{
	ID: "CC003", Name: "document-deleted", Severity: qms.Error,
	Doc: `Tệp tài liệu bị xóa
Chỉ chạy với --base. Tài liệu lỗi thời được giữ lại và đánh dấu, không xóa
(ISO 9001 mục 7.5.3): quy trình thôi áp dụng ghi status: abolished và
abolished_by; thủ tục bị bãi bỏ ghi abolished_by; văn bản hết hiệu lực vẫn
nằm trong decisions/, tình trạng của nó được suy ra từ supersedes, repealed
hoặc expires. Đổi tên hay chuyển thư mục một tệp không phải là xóa, miễn là
định danh (code, number) giữ nguyên. Cách sửa: khôi phục tệp và đánh dấu nó.`,
}

// IDChanged is CC004.
var IDChanged = &check.Check{
	ID: "CC004", Name: "id-changed", Severity: qms.Error,
	Doc: `Định danh của tài liệu bị đổi ngay trong tệp
Chỉ chạy với --base. Mã quy trình, mã thủ tục hay số văn bản là định danh của
tài liệu: các tài liệu khác dẫn tới nó và lịch sử của nó gắn với định danh
đó. Đổi code hay number trong một tệp đã có làm mất tài liệu cũ mà không để
lại dấu vết. Cách sửa: giữ tệp cũ (đánh dấu là bãi bỏ hoặc hết hiệu lực nếu
cần) và tạo tài liệu mới bằng "qms new"; nếu chỉ sửa một lỗi gõ trong số văn
bản, người duyệt có thể chấp nhận ngoại lệ này.`,
}

// Suspect is CC005.
var Suspect = &check.Check{
	ID: "CC005", Name: "suspect-link", Severity: qms.Warning,
	Doc: `Quy trình cần xem xét lại vì văn bản hay thủ tục nó dựa vào đã thay đổi
Chỉ chạy với --base. Như "liên kết nghi vấn" của Doorstop, theo cả hai chiều:
khi một văn bản hay thủ tục thay đổi trong pull request, mọi quy trình dựa
vào nó được báo để người duyệt xem lại. Văn bản thay đổi khi tình trạng hiệu
lực tính đến hôm nay, các ngày (issued, effective, expires, repealed), danh
sách supersedes/amends của nó, hoặc các văn bản thay thế, sửa đổi nó (chiều
ngược lại) thay đổi. Thủ tục thay đổi khi thời hạn giải quyết, văn bản công
bố, căn cứ pháp lý, quyết định bãi bỏ hoặc tình trạng bãi bỏ thay đổi. Quy
trình dựa vào một tài liệu qua legal_basis, approved_by, procedures và văn
bản công bố (announced_by) của các thủ tục nó thực hiện. Không báo quy trình
mới, quy trình đã bãi bỏ và quy trình vừa được ban hành lại trong cùng thay
đổi (revision tăng). Không báo lại việc quy trình đang áp dụng dựa vào văn
bản đã hết hiệu lực tính đến hôm nay: lỗi ST001 đã báo việc đó. Thông báo
nêu điều đã thay đổi.`,
}
