package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// The loader's problems (internal/content reports them while reading the
// files; Run is nil). They are listed so that -list, -explain and the
// site's checks page show them with the rules.

var frontMatter = &check.Check{
	ID: "LD001", Name: "front-matter", Severity: qms.Error,
	Doc: `Thiếu hoặc không đóng phần đầu YAML
Mỗi tài liệu là một tệp Markdown bắt đầu bằng phần đầu YAML (front matter)
nằm giữa hai dòng chỉ có ba dấu gạch ngang "---". Tệp không mở đầu bằng
"---", hoặc không có dòng "---" thứ hai đóng phần đầu, thì không đọc được
trường nào. Dấu BOM UTF-8 ở đầu tệp và xuống dòng kiểu Windows (CRLF) vẫn
được chấp nhận.`,
}

var yamlSyntax = &check.Check{
	ID: "LD002", Name: "yaml-syntax", Severity: qms.Error,
	Doc: `Lỗi cú pháp YAML
Phần đầu của tệp không phải YAML hợp lệ: thụt lề lệch, thiếu dấu hai chấm
sau tên trường, dấu ngoặc kép không đóng, dùng phím Tab để thụt lề... Vị
trí báo lỗi là chỗ trình đọc YAML dừng lại; lỗi thật thường ở ngay dòng đó
hoặc dòng trên. Một khóa viết hai lần cũng là lỗi. Tệp có lỗi cú pháp
không được nạp, các tệp khác vẫn được kiểm tra.`,
}

var missingField = &check.Check{
	ID: "LD003", Name: "missing-field", Severity: qms.Error,
	Doc: `Thiếu trường bắt buộc
Mỗi loại tài liệu có những trường bắt buộc (xem docs/mo-hinh-noi-dung.md): văn bản
cần number, type, issuer, issued, title; thủ tục cần code, title, field,
level, agency, receiving, time_limit và ít nhất một announced_by; quy trình
cần code, title, kind, unit, revision, effective, status, và mỗi bước cần
actor, action, time. Quy trình đang áp dụng hoặc đã bãi bỏ còn phải có
approved_by (quyết định ban hành; dự thảo thì chưa cần), quy trình đã bãi
bỏ phải có abolished_by. Trường bắt buộc để trống cũng là thiếu. Thông báo
nêu tên trường.`,
}

var wrongType = &check.Check{
	ID: "LD004", Name: "wrong-type", Severity: qms.Error,
	Doc: `Sai kiểu giá trị
Giá trị của trường không đúng kiểu lược đồ yêu cầu: một danh sách được
viết thành một chuỗi, một số lần ban hành (revision) không phải số nguyên
dương, một mã thủ tục viết không có dấu ngoặc kép nên YAML đọc thành số
(1.004359 phải viết "1.004359")...`,
}

var invalidDate = &check.Check{
	ID: "LD005", Name: "invalid-date", Severity: qms.Error,
	Doc: `Ngày không hợp lệ
Các trường ngày (issued, effective, expires, repealed, review_by) viết theo
dạng YYYY-MM-DD và phải là một ngày có thật: 2020-13-45 hay 2021-02-29 là
lỗi. Ngày trong trích dẫn văn bản ("3463/QĐ-UBND ngày 06/10/2020") viết
theo dạng dd/mm/yyyy hoặc YYYY-MM-DD.`,
}

var invalidEnum = &check.Check{
	ID: "LD006", Name: "invalid-enum", Severity: qms.Error,
	Doc: `Giá trị ngoài danh sách cho phép
Một số trường chỉ nhận giá trị trong danh sách cố định: type của văn bản
(luat, nghi-dinh, thong-tu, quyet-dinh, cong-van, ke-hoach...), level của
thủ tục (tinh, huyen, xa), kind (framework, task) và status (draft, active,
abolished) của quy trình. Thông báo lỗi liệt kê các giá trị hợp lệ.`,
}

var unknownKey = &check.Check{
	ID: "LD007", Name: "unknown-key", Severity: qms.Error,
	Doc: `Trường không có trong lược đồ
Phần đầu có một trường mà lược đồ không biết, thường do gõ nhầm tên
(legal_bases thay vì legal_basis). Trường lạ bị bỏ qua, nên giá trị của nó
sẽ mất; thông báo gợi ý tên trường gần nhất.`,
}

var invalidNumber = &check.Check{
	ID: "LD008", Name: "invalid-number", Severity: qms.Error,
	Doc: `Số và ký hiệu không đọc được
Số và ký hiệu văn bản có dạng số/ký hiệu (448/SNN-VP, 3463/QĐ-UBND) hoặc
số/năm/ký hiệu với văn bản quy phạm pháp luật (61/2018/NĐ-CP). Tiền tố
"Số:", khoảng trắng quanh "/" và "-", các loại gạch ngang đều được chấp
nhận; chuỗi không theo dạng này thì không so khớp được với văn bản nào.
Các quy tắc tham chiếu (XR) bỏ qua trích dẫn đã bị báo lỗi ở đây.`,
}

var invalidDuration = &check.Check{
	ID: "LD009", Name: "invalid-duration", Severity: qms.Error,
	Doc: `Thời hạn không đọc được
Thời hạn giải quyết (time_limit) và thời gian các bước (steps.time) viết
như "07 ngày làm việc", "04 giờ làm việc", "20 ngày", "24 giờ" hoặc gọn là
"7d", "4h" (ngày, giờ làm việc). Một ngày làm việc là 8 giờ làm việc; ngày
theo lịch được giữ riêng, không đổi sang ngày làm việc.`,
}

var wrongFolder = &check.Check{
	ID: "LD010", Name: "wrong-folder", Severity: qms.Error,
	Doc: `Tệp tài liệu đặt sai chỗ hoặc sai phần mở rộng
Chỉ những tệp có phần mở rộng .md (viết thường) trong processes/,
procedures/ và decisions/ (kể cả thư mục con) được nạp làm tài liệu; loại
tài liệu do thư mục quyết định. Tệp có phần mở rộng .MD hay .Md sẽ không
được nạp nên bị báo lỗi để đổi tên; tài liệu nằm ngoài ba thư mục trên
cũng là lỗi. Tệp đính kèm (PDF, hình ảnh) và tệp, thư mục bắt đầu bằng dấu
chấm không phải tài liệu và không bị báo.`,
}

var invalidEncoding = &check.Check{
	ID: "LD011", Name: "invalid-encoding", Severity: qms.Error,
	Doc: `Tệp không phải UTF-8
Tệp tài liệu phải được lưu theo bảng mã UTF-8. Tệp lưu bằng bảng mã khác
(TCVN3, VNI, Windows-1258, UTF-16) sẽ hiện sai chữ tiếng Việt; hãy mở tệp
và lưu lại với bảng mã UTF-8. Vị trí báo lỗi là byte sai đầu tiên. Tệp
lớn hơn 10 MB cũng được báo dưới mã này và không được nạp.`,
}

var unreadableFile = &check.Check{
	ID: "LD012", Name: "unreadable-file", Severity: qms.Error,
	Doc: `Tệp hoặc thư mục không đọc được
Một tệp hay thư mục trong processes/, procedures/ hoặc decisions/ không đọc
được vì quyền truy cập hoặc lỗi ổ đĩa. Đây là lỗi của máy, không phải của
nội dung: các lệnh check, build và export dừng với mã thoát 2. Cách sửa:
kiểm tra quyền đọc của tệp (hoặc thư mục) được nêu và tình trạng ổ đĩa.`,
}
