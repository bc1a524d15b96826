package search

import (
	"testing"
	"testing/fstest"
)

// fixture is a small corpus in the shape of the repository's content: real
// titles from the Department's announced procedures and decisions, codes
// marked illustrative where the real one is not known.
func fixture() []Doc {
	return []Doc{
		{
			URL: "procedures/1.004359/", Kind: "procedure", KindLabel: "Thủ tục hành chính",
			Code: "1.004359", Title: "Cấp chứng chỉ hành nghề thú y", Status: "Đang áp dụng",
			Fields: []string{"Thú y", "Chi cục Chăn nuôi và Thú y", "Trung tâm Phục vụ hành chính công tỉnh"},
			Body: "Mã thủ tục minh họa. Cá nhân đề nghị cấp chứng chỉ hành nghề thú y nộp hồ sơ tại " +
				"Trung tâm Phục vụ hành chính công tỉnh. Thời hạn giải quyết: 05 ngày làm việc. " +
				"Lệ phí: 50.000 đồng/lần.",
		},
		{
			URL: "procedures/na-ty-02/", Kind: "procedure", KindLabel: "Thủ tục hành chính",
			Code: "NA-TY-02",
			Title: "Cấp lại Chứng chỉ hành nghề thú y (trong trường hợp bị mất, sai sót, hư hỏng; " +
				"có thay đổi thông tin liên quan đến cá nhân đã được cấp Chứng chỉ hành nghề thú y)",
			Status: "Đang áp dụng", Fields: []string{"Thú y", "Chi cục Chăn nuôi và Thú y"},
			Body: "Thời hạn giải quyết: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
		},
		{
			URL: "processes/qt-ty-01/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-TY-01", Title: "Quy trình cấp chứng chỉ hành nghề thú y", Status: "Đang áp dụng",
			Fields: []string{"Chi cục Chăn nuôi và Thú y", "Chuyên viên Chi cục", "Lãnh đạo Chi cục"},
			Body: "Mục đích: quy định trình tự giải quyết thủ tục cấp chứng chỉ. Căn cứ Quyết định số " +
				"3463/QĐ-UBND ngày 06/10/2020 của UBND tỉnh Nghệ An. Bước 1: tiếp nhận hồ sơ. " +
				"Bước 2: thẩm định. Bước 3: ký duyệt.",
		},
		{
			URL: "decisions/2020/3463-qd-ubnd/", Kind: "decision", KindLabel: "Văn bản",
			Code: "3463/QĐ-UBND",
			Title: "Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Nông nghiệp " +
				"và PTNT, Ủy ban nhân dân cấp huyện, Ủy ban nhân dân cấp xã trên địa bàn tỉnh Nghệ An",
			Status: "Còn hiệu lực", Fields: []string{"UBND tỉnh Nghệ An"},
			Body: "Toàn ngành có 115 TTHC thuộc thẩm quyền của Sở: 108 TTHC tiếp nhận và trả kết quả " +
				"tại Trung tâm Phục vụ hành chính công tỉnh, 7 TTHC tại Chi cục Thủy sản và Chi cục " +
				"Chăn nuôi và Thú y.",
		},
		{
			URL: "decisions/2020/3464-qd-ubnd/", Kind: "decision", KindLabel: "Văn bản",
			Code: "3464/QĐ-UBND", Title: "Công bố Danh mục thủ tục hành chính lĩnh vực thủy sản",
			Status: "Còn hiệu lực", Fields: []string{"UBND tỉnh Nghệ An"},
			Body: "Cùng với Quyết định 3463/QĐ-UBND, công bố các thủ tục lĩnh vực thủy sản.",
		},
		{
			URL: "decisions/2018/61-2018-nd-cp/", Kind: "decision", KindLabel: "Văn bản",
			Code:   "61/2018/NĐ-CP",
			Title:  "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
			Status: "Còn hiệu lực (được sửa đổi)", Fields: []string{"Chính phủ"},
			Body: "Nghị định quy định cơ chế một cửa. Được sửa đổi, bổ sung bởi 107/2021/NĐ-CP.",
		},
		{
			URL: "decisions/2020/30-2020-nd-cp/", Kind: "decision", KindLabel: "Văn bản",
			Code: "30/2020/NĐ-CP", Title: "Về công tác văn thư", Status: "Còn hiệu lực",
			Fields: []string{"Chính phủ"},
			Body:   "Thay thế Nghị định 110/2004/NĐ-CP và Nghị định 09/2010/NĐ-CP.",
		},
		{
			URL: "decisions/2004/110-2004-nd-cp/", Kind: "decision", KindLabel: "Văn bản",
			Code: "110/2004/NĐ-CP", Title: "Về công tác văn thư",
			Status: "Hết hiệu lực (bị thay thế)", Obsolete: true, Fields: []string{"Chính phủ"},
			Body: "Nghị định về công tác văn thư, công tác văn thư, công tác văn thư của cơ quan nhà nước.",
		},
		{
			URL: "processes/qt-tl-01/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-TL-01", Title: "Quy trình cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi",
			Status: "Đang áp dụng", Fields: []string{"Chi cục Thủy lợi"},
			Body: "Áp dụng cho việc xây dựng tuyến đường giao thông, đường ống trong phạm vi bảo vệ công trình.",
		},
		{
			URL: "procedures/na-ty-05/", Kind: "procedure", KindLabel: "Thủ tục hành chính",
			Code: "NA-TY-05", Title: "Cấp giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
			Status: "Đang áp dụng", Fields: []string{"Thú y", "Chi cục Chăn nuôi và Thú y"},
			Body: "Cơ sở có mẫu xét nghiệm dương tính với mầm bệnh không được chứng nhận; " +
				"mẫu dương tính phải xét nghiệm lại.",
		},
		{
			URL: "processes/qt-ts-01/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-TS-01", Title: "Quy trình cấp giấy chứng nhận đăng ký tàu cá", Status: "Đang áp dụng",
			Fields: []string{"Chi cục Thủy sản"},
			Body:   "Bước 1: tiếp nhận hồ sơ đăng ký tàu cá. Bước 2: kiểm tra tàu cá.",
		},
		{
			URL: "processes/qt-ts-02/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-TS-02", Title: "Quy trình cấp lại giấy chứng nhận đăng ký tàu cá",
			Status: "Đang áp dụng", Fields: []string{"Chi cục Thủy sản"},
			Body: "Bước 1: tiếp nhận hồ sơ. Các bước như quy trình QT-TS-01, thời hạn 01 ngày.",
		},
		{
			URL: "processes/qt-ts-09/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-TS-09", Title: "Quy trình cấp văn bản chấp thuận đóng mới, cải hoán tàu cá",
			Status: "Bãi bỏ", Obsolete: true, Fields: []string{"Chi cục Thủy sản"},
			Body: "Quy trình đã bãi bỏ.",
		},
		{
			URL: "procedures/2.001515/", Kind: "procedure", KindLabel: "Thủ tục hành chính",
			Code: "2.001515", Title: "Cấp giấy vận chuyển mẫu bệnh phẩm thủy sản", Status: "Đang áp dụng",
			Fields: []string{"Thú y"}, Body: "Lệ phí: Không.",
		},
		{
			URL: "processes/qt-01/", Kind: "process", KindLabel: "Quy trình",
			Code: "QT-01", Title: "Kiểm soát thủ tục tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công",
			Status: "Đang áp dụng", Fields: []string{"Văn phòng Sở"},
			Body: "Quy trình khung của hệ thống quản lý chất lượng.",
		},
	}
}

// fixtureIndex builds docs and opens the index.
func fixtureIndex(t testing.TB, docs []Doc) (*Index, map[string][]byte) {
	t.Helper()
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	return openFiles(t, files), files
}

// openFiles opens the index in files.
func openFiles(t testing.TB, files map[string][]byte) *Index {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	ix, err := Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
