package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Vocabulary of the synthetic corpus: the words of the Department's
// procedures and processes, recombined.
var (
	synthActions = []string{"Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Thẩm định", "Phê duyệt",
		"Đăng ký", "Công nhận", "Kiểm tra", "Xác nhận", "Thu hồi", "Điều chỉnh"}
	synthObjects = []string{"giấy chứng nhận", "giấy phép", "văn bản chấp thuận", "quyết định công nhận",
		"sổ danh bạ", "phương án", "hồ sơ thiết kế", "kế hoạch", "báo cáo đánh giá"}
	synthSubjects = []string{"đăng ký tàu cá", "an toàn dịch bệnh động vật", "kiểm dịch động vật vận chuyển trong tỉnh",
		"cơ sở sản xuất giống thủy sản", "hoạt động trong phạm vi bảo vệ công trình thủy lợi",
		"khai thác thủy sản", "nuôi trồng thủy sản", "buôn bán thuốc bảo vệ thực vật", "vườn cây đầu dòng",
		"giống cây trồng lâm nghiệp", "xã đạt chuẩn nông thôn mới", "sản xuất phân bón", "thức ăn chăn nuôi",
		"cơ sở giết mổ động vật", "an toàn thực phẩm nông lâm thủy sản", "rừng trồng", "đê điều",
		"vận chuyển lâm sản", "cơ sở chăn nuôi tập trung", "hợp tác xã nông nghiệp", "nước sạch nông thôn",
		"tàu cá cải hoán", "cảng cá", "chế biến gỗ", "giống vật nuôi"}
	synthUnits = []string{"Chi cục Chăn nuôi và Thú y", "Chi cục Thủy sản", "Chi cục Trồng trọt và Bảo vệ thực vật",
		"Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Phát triển nông thôn",
		"Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "Văn phòng Sở", "Trung tâm Khuyến nông"}
	synthUnitCodes = []string{"TY", "TS", "BVTV", "KL", "TL", "PTNT", "QLCL", "VP", "KN"}
	synthFields    = []string{"Thú y", "Thủy sản", "Trồng trọt", "Bảo vệ thực vật", "Lâm nghiệp", "Thủy lợi",
		"Nông thôn mới", "Quản lý chất lượng", "Chăn nuôi"}
	synthActors = []string{"Công chức Trung tâm Phục vụ hành chính công", "Chuyên viên phòng chuyên môn",
		"Lãnh đạo phòng", "Lãnh đạo Chi cục", "Văn thư", "Tổ thẩm định", "Lãnh đạo Sở"}
	synthSteps = []string{"tiếp nhận, kiểm tra tính đầy đủ của hồ sơ và chuyển phòng chuyên môn",
		"thẩm định hồ sơ, kiểm tra thực tế tại cơ sở khi cần", "dự thảo kết quả giải quyết, trình lãnh đạo",
		"xem xét, ký duyệt kết quả", "vào sổ, đóng dấu và chuyển kết quả", "trả kết quả cho tổ chức, cá nhân",
		"thông báo bằng văn bản nêu rõ lý do nếu hồ sơ không đủ điều kiện"}
	synthIssuers = []string{"UBND tỉnh Nghệ An", "Sở Nông nghiệp và PTNT Nghệ An", "Chính phủ",
		"Bộ Nông nghiệp và Phát triển nông thôn"}
)

// synthDocs returns n documents, the same for the same n: procedures,
// processes and decisions with real-looking Vietnamese titles and bodies
// of about 2 KB, one in ten obsolete. No synthetic document is numbered
// 3463 or has the title of a fixture document, so the fixture's answers
// stay the right ones when both are indexed together.
func synthDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	docs := make([]Doc, 0, n)
	for i := range n {
		u := r.IntN(len(synthUnits))
		title := pick(synthActions) + " " + pick(synthObjects) + " " + pick(synthSubjects)
		d := Doc{Title: title, Fields: []string{synthUnits[u], pick(synthFields)}}
		d.Obsolete = r.IntN(10) == 0
		switch i % 5 {
		case 0, 1:
			d.Kind, d.KindLabel = "procedure", "Thủ tục hành chính"
			d.Code = fmt.Sprintf("%d.%06d", 1+r.IntN(3), 100000+i)
			d.URL = "procedures/" + d.Code + "/"
			d.Status = map[bool]string{false: "Đang áp dụng", true: "Đã bãi bỏ"}[d.Obsolete]
		case 2, 3:
			d.Kind, d.KindLabel = "process", "Quy trình"
			d.Code = fmt.Sprintf("QT-%s-%d", synthUnitCodes[u], 100+i)
			d.URL = "processes/" + strings.ToLower(d.Code) + "/"
			d.Title = "Quy trình " + strings.ToLower(title[:1]) + title[1:]
			d.Status = map[bool]string{false: "Đang áp dụng", true: "Đã bãi bỏ"}[d.Obsolete]
		default:
			d.Kind, d.KindLabel = "decision", "Văn bản"
			num := 1000 + r.IntN(8000)
			if num == 3463 {
				num++
			}
			year := 2015 + r.IntN(11)
			d.Code = fmt.Sprintf("%d/QĐ-UBND", num)
			if r.IntN(3) == 0 {
				d.Code = fmt.Sprintf("%d/%d/QĐ-UBND", num%100, year)
			}
			d.URL = fmt.Sprintf("decisions/%d/%d-qd-ubnd-%d/", year, num, i)
			d.Fields = append(d.Fields, pick(synthIssuers))
			d.Title = "Công bố danh mục thủ tục hành chính " + strings.ToLower(pick(synthFields)) +
				" và phê duyệt quy trình " + pick(synthSubjects)
			d.Status = map[bool]string{false: "Còn hiệu lực", true: "Hết hiệu lực (bị thay thế)"}[d.Obsolete]
		}
		d.Body = synthBody(r, d, u)
		docs = append(docs, d)
	}
	return docs
}

// synthBody writes the usual sections of a process.
func synthBody(r *rand.Rand, d Doc, u int) string {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b strings.Builder
	fmt.Fprintf(&b, "1. Mục đích\nQuy định trình tự, thủ tục %s theo tiêu chuẩn TCVN ISO 9001:2015, "+
		"bảo đảm đúng quy định của pháp luật và đáp ứng yêu cầu của tổ chức, cá nhân.\n", strings.ToLower(d.Title))
	fmt.Fprintf(&b, "2. Phạm vi\nÁp dụng đối với %s và các tổ chức, cá nhân có nhu cầu thực hiện thủ tục "+
		"thuộc lĩnh vực %s trên địa bàn tỉnh Nghệ An.\n", synthUnits[u], strings.ToLower(pick(synthFields)))
	fmt.Fprintf(&b, "3. Tài liệu viện dẫn\nNghị định số 61/2018/NĐ-CP ngày 23/4/2018; Thông tư số 01/2018/TT-VPCP; "+
		"Quyết định số %d/QĐ-UBND ngày %02d/%02d/%d của UBND tỉnh Nghệ An.\n",
		1000+r.IntN(2000), 1+r.IntN(28), 1+r.IntN(12), 2018+r.IntN(8))
	b.WriteString("4. Định nghĩa và viết tắt\nTTHC: thủ tục hành chính; BPTN&TKQ: Bộ phận tiếp nhận và trả kết quả; " +
		"HTQLCL: hệ thống quản lý chất lượng.\n5. Nội dung quy trình\n")
	fmt.Fprintf(&b, "Thành phần hồ sơ: đơn đề nghị theo mẫu; bản sao %s; các giấy tờ liên quan. "+
		"Số lượng hồ sơ: 01 bộ. Thời hạn giải quyết: %02d ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. "+
		"Lệ phí: %d.000 đồng/lần.\n", pick(synthObjects), 3+r.IntN(20), 20+r.IntN(80))
	for s := 1; s <= 4+r.IntN(4); s++ {
		fmt.Fprintf(&b, "Bước %d: %s %s; thời gian %d giờ làm việc.\n", s, pick(synthActors), pick(synthSteps), 4+4*r.IntN(5))
	}
	fmt.Fprintf(&b, "6. Biểu mẫu\nBM-%02d: Đơn đề nghị; BM-%02d: Phiếu kiểm soát quá trình giải quyết hồ sơ.\n",
		1+r.IntN(9), 10+r.IntN(9))
	fmt.Fprintf(&b, "7. Hồ sơ cần lưu\nHồ sơ được lưu tại %s trong thời hạn %d năm, sau đó chuyển lưu trữ theo quy định.",
		synthUnits[u], 1+r.IntN(5))
	return b.String()
}
