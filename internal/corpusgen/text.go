package corpusgen

import (
	"math/rand"
	"strings"
)

// Word pools for generated Vietnamese text (NFC).
var (
	words = strings.Fields(`hồ sơ thủ tục tiếp nhận thẩm định phê duyệt ban hành cấp giấy chứng nhận
kiểm tra đánh giá thực tế cơ sở tổ chức cá nhân đề nghị kết quả trả lời văn bản quy định
trách nhiệm thời hạn giải quyết phòng chuyên môn lãnh đạo chi cục sở tỉnh huyện xã
nuôi trồng thủy sản giống vật nuôi cây trồng rừng đê điều thủy lợi an toàn dịch bệnh
kiểm dịch động vật thực vật phân bón thuốc bảo vệ chất lượng nông lâm sản báo cáo
tổng hợp lưu trữ biểu mẫu công khai niêm yết trực tuyến dịch vụ công bổ sung hoàn thiện
xem xét ký đóng dấu chuyển trả thông báo từ chối nêu rõ lý do theo đúng pháp luật`)
	fields = []struct{ Name, Slug, Agency string }{
		{"Thủy sản", "thuy-san", "Chi cục Thủy sản"},
		{"Thú y", "thu-y", "Chi cục Chăn nuôi và Thú y"},
		{"Chăn nuôi", "chan-nuoi", "Chi cục Chăn nuôi và Thú y"},
		{"Trồng trọt", "trong-trot", "Chi cục Trồng trọt và Bảo vệ thực vật"},
		{"Bảo vệ thực vật", "bao-ve-thuc-vat", "Chi cục Trồng trọt và Bảo vệ thực vật"},
		{"Lâm nghiệp", "lam-nghiep", "Chi cục Kiểm lâm"},
		{"Thủy lợi", "thuy-loi", "Chi cục Thủy lợi"},
		{"Phát triển nông thôn", "phat-trien-nong-thon", "Chi cục Phát triển nông thôn"},
		{"Quản lý chất lượng nông lâm sản", "quan-ly-chat-luong", "Chi cục Quản lý chất lượng nông lâm sản và thủy sản"},
		{"Kinh tế hợp tác", "kinh-te-hop-tac", "Phòng Kế hoạch - Tài chính"},
	}
	units = []struct{ Name, Slug, Code string }{
		{"Văn phòng Sở", "van-phong", "VP"},
		{"Chi cục Thủy sản", "thuy-san", "TS"},
		{"Chi cục Chăn nuôi và Thú y", "chan-nuoi-thu-y", "TY"},
		{"Chi cục Trồng trọt và Bảo vệ thực vật", "trong-trot", "TT"},
		{"Chi cục Kiểm lâm", "kiem-lam", "KL"},
		{"Chi cục Thủy lợi", "thuy-loi", "TL"},
		{"Chi cục Phát triển nông thôn", "phat-trien-nong-thon", "NT"},
		{"Chi cục Quản lý chất lượng nông lâm sản và thủy sản", "quan-ly-chat-luong", "CL"},
		{"Phòng Kế hoạch - Tài chính", "ke-hoach-tai-chinh", "KH"},
		{"Thanh tra Sở", "thanh-tra", "TTr"},
	}
	actors = []string{
		"Trung tâm Phục vụ hành chính công tỉnh", "Chuyên viên phòng chuyên môn",
		"Lãnh đạo phòng chuyên môn", "Lãnh đạo Chi cục", "Văn thư Chi cục", "Lãnh đạo Sở",
	}
	authors = []string{
		"Nguyễn Văn An <an.nv@snn.example.vn>", "Trần Thị Bình <binh.tt@snn.example.vn>",
		"Lê Văn Cường <cuong.lv@snn.example.vn>", "Phạm Thị Dung <dung.pt@snn.example.vn>",
		"Hoàng Văn Đức <duc.hv@snn.example.vn>", "Võ Thị Hà <ha.vt@snn.example.vn>",
		"Đậu Hoàn <hoan.d@snn.example.vn>", "Ngô Thị Lan <lan.nt@snn.example.vn>",
		"Đặng Văn Minh <minh.dv@snn.example.vn>", "Bùi Thị Nga <nga.bt@snn.example.vn>",
		"Hồ Văn Phúc <phuc.hv@snn.example.vn>", "Dương Thị Quỳnh <quynh.dt@snn.example.vn>",
	}
	reasons = []string{
		"Cập nhật theo văn bản mới của UBND tỉnh", "Rút ngắn thời gian giải quyết",
		"Bổ sung biểu mẫu theo góp ý của đánh giá nội bộ", "Sửa lỗi chính tả",
		"Điều chỉnh trách nhiệm sau sắp xếp tổ chức", "Khắc phục điểm không phù hợp",
	}
)

// text generates deterministic pseudo-Vietnamese prose.
type text struct{ r *rand.Rand }

func (t text) sentence() string {
	n := 8 + t.r.Intn(12)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[t.r.Intn(len(words))]
	}
	s := strings.Join(ws, " ")
	// Capitalise the first letter (ASCII or a precomposed Vietnamese one).
	rs := []rune(s)
	rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
	return string(rs) + "."
}

func (t text) para() string {
	n := 3 + t.r.Intn(3)
	s := make([]string, n)
	for i := range s {
		s[i] = t.sentence()
	}
	return strings.Join(s, " ")
}

func (t text) title(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[t.r.Intn(len(words))]
	}
	s := strings.Join(ws, " ")
	rs := []rune(s)
	rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
	return string(rs)
}
