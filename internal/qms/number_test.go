package qms

import (
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		seq    string
		year   int
		symbol string
		typ    string
	}{
		// Individual documents, as printed (NĐ 30/2020).
		{"3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"1067/QĐ-SNN-VP", "1067", 0, "QĐ-SNN-VP", "QĐ"},
		{"4788/QĐ-BNN-VP", "4788", 0, "QĐ-BNN-VP", "QĐ"},
		{"155/KH-SNN-VP", "155", 0, "KH-SNN-VP", "KH"},
		{"10583/KH-UBND", "10583", 0, "KH-UBND", "KH"},
		{"2305/TTr-SNN-KHTC", "2305", 0, "TTr-SNN-KHTC", "TTr"},
		{"1775/QĐ-TTPVHCC", "1775", 0, "QĐ-TTPVHCC", "QĐ"},
		{"4367/BC-BKHCN", "4367", 0, "BC-BKHCN", "BC"},
		// Công văn: no type.
		{"448/SNN-VP", "448", 0, "SNN-VP", ""},
		{"9907/VPCP-TCCV", "9907", 0, "VPCP-TCCV", ""},
		{"1175/SNN-TCHC", "1175", 0, "SNN-TCHC", ""},
		// Normative documents, with a year.
		{"19/2014/QĐ-TTg", "19", 2014, "QĐ-TTg", "QĐ"},
		{"61/2018/NĐ-CP", "61", 2018, "NĐ-CP", "NĐ"},
		{"01/2018/TT-VPCP", "01", 2018, "TT-VPCP", "TT"},
		{"78/2012/NQ-HĐND", "78", 2012, "NQ-HĐND", "NQ"},
		{"26/2016/TT-BNNPTNT", "26", 2016, "TT-BNNPTNT", "TT"},
		{"20/2013/TTLT-BYT-BCT-BNNPTNT", "20", 2013, "TTLT-BYT-BCT-BNNPTNT", "TTLT"},
		{"05/2014/L-CTN", "05", 2014, "L-CTN", "L"},
		// Laws: the symbol is the National Assembly and its term.
		{"79/2015/QH13", "79", 2015, "QH13", "QH"},
		{"số 79/2015/QH13", "79", 2015, "QH13", "QH"},
		// Year missing where it belongs (seen in the wild): still a number.
		{"107/NĐ-CP", "107", 0, "NĐ-CP", "NĐ"},
		// Prefixes.
		{"Số: 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"Số:3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"số 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"So 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"So: 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"SỐ : 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"Số3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"S" + "o\u0302\u0301" + ": 3463/QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"}, // NFD "Số"
		// Spaces around "/" and "-", NBSP, tabs.
		{"3463/QĐ - UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"Số: 3463/QĐ - UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"3463 /QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"3463 / QĐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"57/ 2015/QĐ-UBND", "57", 2015, "QĐ-UBND", "QĐ"},
		{"57 / 2015 / QĐ - UBND", "57", 2015, "QĐ-UBND", "QĐ"},
		{"3463\u00a0/\u00a0QĐ\u00a0-\u00a0UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"3463/QĐ\u202f-\u202fUBND", "3463", 0, "QĐ-UBND", "QĐ"},
		{"\t3463/QĐ-UBND\t", "3463", 0, "QĐ-UBND", "QĐ"},
		{"  3463/QĐ-UBND\n", "3463", 0, "QĐ-UBND", "QĐ"},
		{"\ufeff3463/QĐ-\u200bUBND", "3463", 0, "QĐ-UBND", "QĐ"},
		// Every dash.
		{"3463/QĐ–UBND", "3463", 0, "QĐ-UBND", "QĐ"},      // en dash
		{"3463/QĐ—UBND", "3463", 0, "QĐ-UBND", "QĐ"},      // em dash
		{"3463/QĐ\u2011UBND", "3463", 0, "QĐ-UBND", "QĐ"}, // non-breaking hyphen
		{"3463/QĐ\u2010UBND", "3463", 0, "QĐ-UBND", "QĐ"}, // hyphen
		{"3463/QĐ\u2012UBND", "3463", 0, "QĐ-UBND", "QĐ"}, // figure dash
		{"3463/QĐ\u2212UBND", "3463", 0, "QĐ-UBND", "QĐ"}, // minus sign
		{"3463/QĐ – UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		// Case: matched case-insensitively, canonical case kept.
		{"3463/qđ-ubnd", "3463", 0, "QĐ-UBND", "QĐ"},
		{"3463/Qđ-Ubnd", "3463", 0, "QĐ-UBND", "QĐ"},
		{"2260/ttr-snn-vp", "2260", 0, "TTr-SNN-VP", "TTr"},
		{"2260/TTR-SNN-VP", "2260", 0, "TTr-SNN-VP", "TTr"},
		{"12/QYĐ-UBND", "12", 0, "QyĐ-UBND", "QyĐ"},
		{"12/qyđ-ubnd", "12", 0, "QyĐ-UBND", "QyĐ"},
		{"12/ctr-ubnd", "12", 0, "CTr-UBND", "CTr"},
		{"12/TRS-VP", "12", 0, "TrS-VP", "TrS"},
		{"19/2014/qđ-ttg", "19", 2014, "QĐ-TTg", "QĐ"},
		{"19/2014/QĐ-TTG", "19", 2014, "QĐ-TTg", "QĐ"},
		{"12/đa-ubnd", "12", 0, "ĐA-UBND", "ĐA"},
		{"12/hđ-snn", "12", 0, "HĐ-SNN", "HĐ"},
		// "&" dropped.
		{"14/2016/TT-BNN&PTNT", "14", 2016, "TT-BNNPTNT", "TT"},
		{"12/KH-SKH&CN", "12", 0, "KH-SKHCN", "KH"},
		// ASCII spellings parse as written (upper case), not corrected.
		{"3463/QD-UBND", "3463", 0, "QD-UBND", ""},
		{"3463/qd-ubnd", "3463", 0, "QD-UBND", ""},
		{"61/2018/ND-CP", "61", 2018, "ND-CP", ""},
		{"12/HD-UBND", "12", 0, "HD-UBND", "HD"}, // Hướng dẫn is itself valid
		{"12/DA-UBND", "12", 0, "DA-UBND", "DA"}, // Dự án is itself valid
		// The look-alike eth (U+00D0) is Đ.
		{"3463/QÐ-UBND", "3463", 0, "QĐ-UBND", "QĐ"},
		// A missing hyphen parses (as one group); FoldedKey catches it.
		{"906/QĐTTg", "906", 0, "QĐTTG", ""},
		// Leading zeros kept; a letter suffix.
		{"03/KH-SNN", "03", 0, "KH-SNN", "KH"},
		{"005/SNN-VP", "005", 0, "SNN-VP", ""},
		{"12a/QĐ-UBND", "12a", 0, "QĐ-UBND", "QĐ"},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		want := Number{Seq: tt.seq, Year: tt.year, Symbol: tt.symbol, Type: tt.typ}
		if n != want {
			t.Errorf("ParseNumber(%q) = %#v, want %#v", tt.in, n, want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string // substring of the message
	}{
		{"", "trống"},
		{"   \u00a0", "trống"},
		{"Số:", "số thứ tự"},
		{"QĐ-UBND", "phải bắt đầu bằng số thứ tự"},
		{"/QĐ-UBND", "phải bắt đầu bằng số thứ tự"},
		{"Quyết định 3463/QĐ-UBND", "phải bắt đầu bằng số thứ tự"},
		{"３４６３/QĐ-UBND", "phải bắt đầu bằng số thứ tự"},
		{"3463", `thiếu "/"`},
		{"3463 QĐ-UBND", `thiếu "/"`},
		{"3463QĐ-UBND", `thiếu "/"`},
		{"3463/", "thiếu ký hiệu"},
		{"3463/  ", "thiếu ký hiệu"},
		{"19/2014/", "thiếu ký hiệu"},
		{"3463/QĐ-", `thiếu nhóm ký hiệu sau dấu "-"`},
		{"3463/QĐ - ", `thiếu nhóm ký hiệu sau dấu "-"`},
		{"3463/QĐ--UBND", `thiếu nhóm ký hiệu trước "-"`},
		{"3463/-UBND", `thiếu nhóm ký hiệu trước "-"`},
		{"3463//QĐ-UBND", `thiếu nhóm ký hiệu trước "/"`},
		{"3463/QĐ-UBND/2020", `ký tự "/"`},
		{"3463/QĐ_UBND", `ký tự "_"`},
		{"3463/QĐ-UBND.", `ký tự "."`},
		{"3463/QĐ-UBND ngày 06/10/2020", `thừa "ngày 06/10/2020"`},
		{"Số: 4115/QĐ-BNN-BVTVHà Nội", `ký tự "à"`},
		{"3463/QĐ-UBND VP", `thừa "VP"`},
		{"0/QĐ-UBND", "khác 0"},
		{"000/QĐ-UBND", "khác 0"},
		{"00a/QĐ-UBND", "khác 0"},
		{"12/20/QĐ-UBND", "năm ban hành"},
		{"12/20144/QĐ-UBND", "năm ban hành"},
		{"12/0214/QĐ-UBND", "năm ban hành"},
		{"12/2014QĐ-UBND", "năm ban hành"},
		{"12/2014", "năm ban hành"},
		{"12/1QĐ", "năm ban hành"},
		{"12/&BNN", "bắt đầu bằng chữ cái"},
		{"12/TT-BNN&", `"&"`},
		{"12/TT-BNN&&PTNT", `"&"`},
		{"12/TT-BNN & PTNT", `thừa "& PTNT"`},
		{"12/ÀB", "bắt đầu bằng chữ cái"},
		{"12/Q\u0110\u0301", `ký tự`},
		{"\xff3463/QĐ-UBND", "UTF-8"},
		{strings.Repeat("1", 201) + "/QĐ", "quá dài"},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if err == nil {
			t.Errorf("ParseNumber(%q) = %#v, want an error containing %q", tt.in, n, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseNumber(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
		if !n.IsZero() {
			t.Errorf("ParseNumber(%q) returned %#v with its error, want the zero Number", tt.in, n)
		}
	}
}

// TestParseNumberErrorHint checks that errors about the shape show the
// expected form.
func TestParseNumberErrorHint(t *testing.T) {
	for _, in := range []string{"", "QĐ", "3463", "3463/QĐ-", "3463/QĐ-UBND xx"} {
		_, err := ParseNumber(in)
		if err == nil || !strings.Contains(err.Error(), `"3463/QĐ-UBND"`) {
			t.Errorf("ParseNumber(%q) error %v, want it to show the expected form", in, err)
		}
	}
}

func TestNumberStringKeySlug(t *testing.T) {
	tests := []struct {
		in, str, key, folded, slug string
	}{
		{"3463/QĐ-UBND", "3463/QĐ-UBND", "3463/QĐ-UBND", "3463/qdubnd", "3463-qd-ubnd"},
		{"Số: 3463/QĐ - UBND", "3463/QĐ-UBND", "3463/QĐ-UBND", "3463/qdubnd", "3463-qd-ubnd"},
		{"19/2014/QĐ-TTg", "19/2014/QĐ-TTg", "19/2014/QĐ-TTG", "19/2014/qdttg", "19-2014-qd-ttg"},
		{"01/2018/TT-VPCP", "01/2018/TT-VPCP", "1/2018/TT-VPCP", "1/2018/ttvpcp", "01-2018-tt-vpcp"},
		{"2260/TTr-SNN-VP", "2260/TTr-SNN-VP", "2260/TTR-SNN-VP", "2260/ttrsnnvp", "2260-ttr-snn-vp"},
		{"12/QyĐ-UBND", "12/QyĐ-UBND", "12/QYĐ-UBND", "12/qydubnd", "12-qyd-ubnd"},
		{"3463/QD-UBND", "3463/QD-UBND", "3463/QD-UBND", "3463/qdubnd", "3463-qd-ubnd"},
		{"14/2016/TT-BNN&PTNT", "14/2016/TT-BNNPTNT", "14/2016/TT-BNNPTNT", "14/2016/ttbnnptnt", "14-2016-tt-bnnptnt"},
		{"20/2013/TTLT-BYT-BCT-BNNPTNT", "20/2013/TTLT-BYT-BCT-BNNPTNT", "20/2013/TTLT-BYT-BCT-BNNPTNT", "20/2013/ttltbytbctbnnptnt", "20-2013-ttlt-byt-bct-bnnptnt"},
		{"79/2015/QH13", "79/2015/QH13", "79/2015/QH13", "79/2015/qh13", "79-2015-qh13"},
		{"12a/QĐ-UBND", "12a/QĐ-UBND", "12A/QĐ-UBND", "12a/qdubnd", "12a-qd-ubnd"},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got := n.String(); got != tt.str {
			t.Errorf("%q: String() = %q, want %q", tt.in, got, tt.str)
		}
		if got := n.Key(); got != tt.key {
			t.Errorf("%q: Key() = %q, want %q", tt.in, got, tt.key)
		}
		if got := n.FoldedKey(); got != tt.folded {
			t.Errorf("%q: FoldedKey() = %q, want %q", tt.in, got, tt.folded)
		}
		if got := n.Slug(); got != tt.slug {
			t.Errorf("%q: Slug() = %q, want %q", tt.in, got, tt.slug)
		}
	}
}

func TestNumberZero(t *testing.T) {
	var n Number
	if n.String() != "" || n.Key() != "" || n.FoldedKey() != "" || n.Slug() != "" {
		t.Errorf("zero Number: String %q Key %q FoldedKey %q Slug %q, want all empty",
			n.String(), n.Key(), n.FoldedKey(), n.Slug())
	}
}

func TestNumberKeyEquality(t *testing.T) {
	same := [][2]string{
		{"3463/QĐ-UBND", "Số: 3463/QĐ - UBND"},
		{"3463/QĐ-UBND", "3463 /QĐ-UBND"},
		{"3463/QĐ-UBND", "3463/QĐ–UBND"},
		{"3463/QĐ-UBND", "số 3463/qđ-ubnd"},
		{"3463/QĐ-UBND", "3463\u00a0/\u00a0QĐ\u00a0-\u00a0UBND"},
		{"57/2015/QĐ-UBND", "57/ 2015/QĐ-UBND"},
		{"03/KH-SNN", "3/KH-SNN"},
		{"01/2018/TT-VPCP", "1/2018/TT-VPCP"},
		{"14/2016/TT-BNN&PTNT", "14/2016/TT-BNNPTNT"},
		{"19/2014/QĐ-TTg", "19/2014/QĐ-TTG"},
		{"2260/TTr-SNN-VP", "2260/TTR-SNN-VP"},
		{"12a/QĐ-UBND", "12A/QĐ-UBND"},
	}
	for _, p := range same {
		a, b := mustNumber(t, p[0]), mustNumber(t, p[1])
		if a.Key() != b.Key() {
			t.Errorf("Key(%q) = %q, Key(%q) = %q, want equal", p[0], a.Key(), p[1], b.Key())
		}
		if a.FoldedKey() != b.FoldedKey() {
			t.Errorf("FoldedKey(%q) = %q, FoldedKey(%q) = %q, want equal", p[0], a.FoldedKey(), p[1], b.FoldedKey())
		}
	}

	// Different documents, or different spellings: the keys differ. When
	// foldedSame, only the diacritics or a hyphen differ and FoldedKey is
	// equal: that is how a wrong spelling is found.
	differ := []struct {
		a, b       string
		foldedSame bool
	}{
		{"3463/QĐ-UBND", "3463/QD-UBND", true},
		{"3463/QĐ-UBND", "3463/qd-ubnd", true},
		{"61/2018/NĐ-CP", "61/2018/ND-CP", true},
		{"12/HĐ-UBND", "12/HD-UBND", true},
		{"906/QĐ-TTg", "906/QĐTTg", true},
		{"3463/QĐ-UBND", "3464/QĐ-UBND", false},
		{"30/SNN-VP", "300/SNN-VP", false},
		{"19/2014/QĐ-TTg", "19/QĐ-TTg", false},
		{"19/2014/QĐ-TTg", "19/2015/QĐ-TTg", false},
		{"448/SNN-VP", "448/QĐ-SNN-VP", false},
		{"3463/QĐ-UBND", "3463/QĐ-UBND-VP", false},
		{"12/QĐ-UBND", "12a/QĐ-UBND", false},
	}
	for _, tt := range differ {
		a, b := mustNumber(t, tt.a), mustNumber(t, tt.b)
		if a.Key() == b.Key() {
			t.Errorf("Key(%q) == Key(%q) == %q, want different", tt.a, tt.b, a.Key())
		}
		if got := a.FoldedKey() == b.FoldedKey(); got != tt.foldedSame {
			t.Errorf("FoldedKey(%q) = %q, FoldedKey(%q) = %q; equal = %v, want %v",
				tt.a, a.FoldedKey(), tt.b, b.FoldedKey(), got, tt.foldedSame)
		}
	}
}

// TestNumberResolveFolded shows the keys at work in Corpus.Resolve: an ASCII
// spelling resolves only as FoldedOnly, naming the canonical document.
func TestNumberResolveFolded(t *testing.T) {
	d := &Decision{Number: mustNumber(t, "3463/QĐ-UBND"), Issued: Date{2020, 10, 6}}
	c := &Corpus{Decisions: []*Decision{d}}
	c.Index()
	for in, want := range map[string]Resolution{
		"Số: 3463/QĐ - UBND": Resolved,
		"03463/qđ-ubnd":      Resolved,
		"3463/QD-UBND":       FoldedOnly,
		"3463/QĐUBND":        FoldedOnly,
		"3463/QĐ-UBND-VP":    NotFound,
	} {
		r, err := ParseRef(in)
		if err != nil {
			t.Fatalf("ParseRef(%q): %v", in, err)
		}
		got, res, _ := c.Resolve(r)
		if res != want {
			t.Errorf("Resolve(%q) = %v, want %v", in, res, want)
		}
		if want != NotFound && got != d {
			t.Errorf("Resolve(%q) gave %v, want the decision %s", in, got, d.Number)
		}
	}
}

func TestParseRef(t *testing.T) {
	oct6 := Date{2020, 10, 6}
	tests := []struct {
		in     string
		number string
		date   Date
	}{
		{"3463/QĐ-UBND", "3463/QĐ-UBND", Date{}},
		{"Số: 3463/QĐ - UBND", "3463/QĐ-UBND", Date{}},
		{"3463/QĐ-UBND ngày 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 6/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 2020-10-06", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND, ngày 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND; ngày 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày: 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND (ngày 06/10/2020)", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 06 tháng 10 năm 2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 6-10-2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 06.10.2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 06 / 10 / 2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND Ngày 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND NGÀY 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngay 06/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND nga\u0300y 06/10/2020", "3463/QĐ-UBND", oct6}, // NFD
		{"3463/QĐ-UBND\u00a0ngày\u00a006/10/2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày 06–10–2020", "3463/QĐ-UBND", oct6},
		{"3463/QĐ-UBND ngày06/10/2020", "3463/QĐ-UBND", oct6},
		{"3465/QĐ-UBND ngày 4/9/2019", "3465/QĐ-UBND", Date{2019, 9, 4}},
		{"14/2016/TT-BNN&PTNT ngày 14/11/ 2016", "14/2016/TT-BNNPTNT", Date{2016, 11, 14}},
		{"61/2018/NĐ-CP ngày 23/4/2018", "61/2018/NĐ-CP", Date{2018, 4, 23}},
		{"12/QĐ-NGAY", "12/QĐ-NGAY", Date{}}, // a group, not the word
		{"12/QĐ - NGAY", "12/QĐ-NGAY", Date{}},
	}
	for _, tt := range tests {
		r, err := ParseRef(tt.in)
		if err != nil {
			t.Errorf("ParseRef(%q): %v", tt.in, err)
			continue
		}
		if r.Number.String() != tt.number || r.Date != tt.date {
			t.Errorf("ParseRef(%q) = %s | %v, want %s | %v", tt.in, r.Number, r.Date, tt.number, tt.date)
		}
		again, err := ParseRef(r.String())
		if err != nil || again != r {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v (round trip of %q)", r.String(), again, err, r, tt.in)
		}
	}
}

func TestParseRefErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"3463/QĐ-UBND ngày 30/02/2020", "không tồn tại"},
		{"3463/QĐ-UBND ngày 2021-02-29", "không tồn tại"},
		{"3463/QĐ-UBND ngày 32/01/2020", "không tồn tại"},
		{"3463/QĐ-UBND ngày 06/13/2020", "không tồn tại"},
		{"3463/QĐ-UBND ngày 00/10/2020", "không tồn tại"},
		{"3463/QĐ-UBND ngày 6/10/20", "dd/mm/yyyy"},
		{"3463/QĐ-UBND ngày 06/10", "dd/mm/yyyy"},
		{"3463/QĐ-UBND ngày 06//10/2020", "dd/mm/yyyy"},
		{"3463/QĐ-UBND ngày mùng 6", "dd/mm/yyyy"},
		{"3463/QĐ-UBND ngày 06/10/2020 của UBND tỉnh", "dd/mm/yyyy"},
		{"3463/QĐ-UBND ngày", `thiếu ngày`},
		{"3463/QĐ-UBND, ngày ", `thiếu ngày`},
		{"3463/QĐ-UBND 06/10/2020", "thừa"},
		{"ngày 06/10/2020", "trống"},
		{"3463/QD ngày 06/10/2020x", "dd/mm/yyyy"},
		{"\xff", "UTF-8"},
		{strings.Repeat("x", 301), "quá dài"},
	}
	for _, tt := range tests {
		r, err := ParseRef(tt.in)
		if err == nil {
			t.Errorf("ParseRef(%q) = %+v, want an error containing %q", tt.in, r, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseRef(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

// TestRealNumbers parses every number of the shared data set
// (real documents) and checks that each is already canonical.
func TestRealNumbers(t *testing.T) {
	real := []string{
		"19/2014/QĐ-TTg", "9907/VPCP-TCCV", "101/QĐ-BKHCN", "30/2020/NĐ-CP",
		"01/2011/TT-BNV", "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP",
		"02/2017/TT-VPCP", "61/2018/NĐ-CP", "01/2018/TT-VPCP", "107/2021/NĐ-CP",
		"118/2025/NĐ-CP", "406/QĐ-TTg", "1085/QĐ-TTg", "4788/QĐ-BNN-VP",
		"4115/QĐ-BNN-BVTV", "454/QĐ-BNN-QLCL", "953/QĐ-UBND", "403/QĐ-UBND",
		"1053/TTr-SNN", "3098/QĐ-UBND", "454/QĐ-UBND", "2851/QĐ-UBND",
		"1959/QĐ-UBND", "222/QĐ-UBND", "1155/QĐ-UBND", "947/QĐ-UBND",
		"1348/QĐ-UBND", "1650/QĐ-UBND", "3279/QĐ-BNN-VP", "2609/QĐ-UBND",
		"374/QĐ-BNN-TCLN", "2936/QĐ-UBND", "441/QĐ-UBND", "14/2014/QĐ-UBND",
		"381/QĐ-UBND", "203/QĐ-UBND", "76/QĐ-UBND", "106/QĐ-BNNMT",
		"110/QĐ-UBND", "164/SNN-VP", "10583/KH-UBND", "1775/QĐ-TTPVHCC",
		"15/2015/TT-BNNPTNT", "57/2015/QĐ-UBND", "2466/QĐ-UBND", "79/2015/QH13",
		"26/2016/TT-BNNPTNT", "14/2016/TT-BNNPTNT", "285/2016/TT-BTC",
		"35/2016/NĐ-CP", "4654/QĐ-UBND", "2305/TTr-SNN-KHTC", "4207/QĐ-UBND",
		"3465/QĐ-UBND", "1067/QĐ-SNN-VP", "155/KH-SNN-VP", "448/SNN-VP",
		"2260/TTr-SNN-VP", "3463/QĐ-UBND", "3464/QĐ-UBND", "3572/SNN-VP",
		"826/QĐ-SNN-VP",
	}
	for _, s := range real {
		n, err := ParseNumber(s)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", s, err)
			continue
		}
		if n.String() != s {
			t.Errorf("ParseNumber(%q).String() = %q, want it unchanged", s, n.String())
		}
	}
}

func mustNumber(t *testing.T, s string) Number {
	t.Helper()
	n, err := ParseNumber(s)
	if err != nil {
		t.Fatalf("ParseNumber(%q): %v", s, err)
	}
	return n
}

func BenchmarkParseNumber(b *testing.B) {
	for b.Loop() {
		if _, err := ParseNumber("Số: 20/2013/TTLT - BYT-BCT-BNN&PTNT"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRef(b *testing.B) {
	for b.Loop() {
		if _, err := ParseRef("3463/QĐ-UBND ngày 06/10/2020"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNumberKey(b *testing.B) {
	n, _ := ParseNumber("3463/QĐ-UBND")
	for b.Loop() {
		_ = n.Key()
		_ = n.FoldedKey()
	}
}
