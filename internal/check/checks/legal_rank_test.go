package checks

import (
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

func TestRankOf(t *testing.T) {
	for _, tc := range []struct {
		typ, issuer, number string
		want                rank
	}{
		{"luat", "Quốc hội", "79/2015/QH13", rankAssembly},
		{"khac", "Ủy ban Thường vụ Quốc hội", "1/2020/UBTVQH14", rankStanding},
		{"nghi-dinh", "Chính phủ", "61/2018/NĐ-CP", rankGovernment},
		{"nghi-quyet", "Chính phủ", "1/NQ-CP", rankGovernment},
		{"quyet-dinh", "Thủ tướng Chính phủ", "19/2014/QĐ-TTg", rankNational},
		{"thong-tu", "Văn phòng Chính phủ", "01/2018/TT-VPCP", rankNational},
		{"thong-tu", "Bộ Nông nghiệp và Phát triển nông thôn", "14/2016/TT-BNNPTNT", rankNational},
		{"cong-van", "Bộ Tài chính", "100/BTC-CST", rankNational},
		{"quyet-dinh", "UBND tỉnh Nghệ An", "3463/QĐ-UBND", rankProvince},
		{"nghi-quyet", "Hội đồng nhân dân tỉnh Nghệ An", "12/2020/NQ-HĐND", rankProvince},
		{"quyet-dinh", "Sở Nông nghiệp và PTNT Nghệ An", "1067/QĐ-SNN-VP", rankDepartment},
		{"quyet-dinh", "Chi cục Thủy sản", "5/QĐ-CCTS", rankDepartment},
		{"quyet-dinh", "UBND huyện Diễn Châu", "10/QĐ-UBND", rankUnknown},
		{"quyet-dinh", "Ban Quản lý", "7/QĐ-BQL", rankUnknown},
		{"quyet-dinh", "", "3463/QĐ-UBND", rankProvince},
		{"nghi-dinh", "", "61/2018/NĐ-CP", rankGovernment},
	} {
		n, err := qms.ParseNumber(tc.number)
		if err != nil {
			t.Fatal(err)
		}
		d := &qms.Decision{Type: tc.typ, Issuer: tc.issuer, Number: n}
		if got := rankOf(d); got != tc.want {
			t.Errorf("rankOf(%s, %q, %s) = %s, want %s", tc.typ, tc.issuer, tc.number, got.label(), tc.want.label())
		}
	}
}
