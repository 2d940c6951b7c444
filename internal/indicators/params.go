package indicators

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// Period is a span of whole calendar years, e.g. 2015-2017.
type Period struct{ From, To int }

// Label returns "2015-2017" (or "2020" for one year).
func (p Period) Label() string {
	if p.From == p.To {
		return strconv.Itoa(p.From)
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// Start returns the first day of the period.
func (p Period) Start() string { return fmt.Sprintf("%04d-01-01", p.From) }

// End returns the last day of the period.
func (p Period) End() string { return fmt.Sprintf("%04d-12-31", p.To) }

// Years returns the years of the period in order.
func (p Period) Years() []int {
	var ys []int
	for y := p.From; y <= p.To; y++ {
		ys = append(ys, y)
	}
	return ys
}

var periodRe = regexp.MustCompile(`^(\d{4})(?:-(\d{4}))?$`)

// ParsePeriod parses "YYYY-YYYY" or "YYYY".
func ParsePeriod(s string) (Period, error) {
	m := periodRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, csi.Errorf(csi.EINVALID, "--period: %q is not a period", s).
			WithHint("write periods as YYYY-YYYY (e.g. 2018-2020) or YYYY, several separated by commas")
	}
	from, _ := strconv.Atoi(m[1])
	to := from
	if m[2] != "" {
		to, _ = strconv.Atoi(m[2])
	}
	if to < from || from < 1900 || to > 2100 {
		return Period{}, csi.Errorf(csi.EINVALID, "--period: %q is not a span of years between 1900 and 2100", s).
			WithHint("the first year comes first, e.g. 2018-2020")
	}
	return Period{from, to}, nil
}

// ParsePeriods parses a list of periods, each element possibly a
// comma-separated list itself.
func ParsePeriods(list []string) ([]Period, error) {
	var ps []Period
	for _, item := range list {
		for _, s := range strings.Split(item, ",") {
			if strings.TrimSpace(s) == "" {
				continue
			}
			p, err := ParsePeriod(s)
			if err != nil {
				return nil, err
			}
			ps = append(ps, p)
		}
	}
	return ps, nil
}

// Normalize checks p against what def takes and fills the defaults; today
// (YYYY-MM-DD) is the default of --at. Parameters the indicator does not
// take are an error, so that a mistyped command is not silently ignored.
func Normalize(def csi.IndicatorDef, p csi.IndicatorParams, today string) (csi.IndicatorParams, error) {
	if err := refuseUnused(def, p); err != nil {
		return p, err
	}
	if Takes(def, ParamPeriod) {
		if len(p.Period) == 0 {
			p.Period = slices.Clone(DefaultPeriods)
			if def.Periods != nil {
				p.Period = slices.Clone(def.Periods)
			}
		}
		ps, err := ParsePeriods(p.Period)
		if err != nil {
			return p, err
		}
		p.Period = p.Period[:0:0]
		for _, x := range ps {
			p.Period = append(p.Period, x.Label())
		}
	}
	if Takes(def, ParamYear) {
		if p.Year == 0 {
			p.Year = DefaultYear
		}
		if p.Year < 1900 || p.Year > 2100 {
			return p, csi.Errorf(csi.EINVALID, "--year %s is out of range", fmt.Sprint(p.Year)).WithHint("e.g. --year 2020")
		}
	}
	if Takes(def, ParamAt) && p.At == "" {
		p.At = today
	}
	if Takes(def, ParamSince) && p.Since == "" {
		p.Since = DefaultSince
	}
	if Takes(def, ParamDays) && p.Days == 0 {
		p.Days = DefaultDays
	}
	if p.Days < 0 {
		return p, csi.Errorf(csi.EINVALID, "--days must be positive").WithHint("e.g. --days 45")
	}
	for name, v := range map[string]string{"--at": p.At, "--since": p.Since} {
		if v != "" {
			if _, err := time.Parse(csi.DateLayout, v); err != nil {
				return p, csi.Errorf(csi.EINVALID, "%s: %q is not a date", name, v).WithHint("write dates as YYYY-MM-DD")
			}
		}
	}
	return normalizeGeo(def, p)
}

func refuseUnused(def csi.IndicatorDef, p csi.IndicatorParams) error {
	given := map[string]bool{ParamPeriod: len(p.Period) > 0, ParamYear: p.Year != 0, ParamAt: p.At != "",
		ParamSince: p.Since != "", ParamDays: p.Days != 0}
	for _, name := range []string{ParamPeriod, ParamYear, ParamAt, ParamSince, ParamDays} {
		if given[name] && !Takes(def, name) {
			return csi.Errorf(csi.EINVALID, "%s does not take --%s", def.Name, name).
				WithHint("its parameters: %s (see 'csi indicators list')", paramList(def))
		}
	}
	return nil
}

func paramList(def csi.IndicatorDef) string {
	var s []string
	for _, p := range def.Params {
		s = append(s, "--"+p)
	}
	s = append(s, "--by "+strings.Join(def.By, "|"))
	return strings.Join(s, ", ")
}

func normalizeGeo(def csi.IndicatorDef, p csi.IndicatorParams) (csi.IndicatorParams, error) {
	if p.Ambito != "" && p.Comune != "" {
		return p, csi.Errorf(csi.EINVALID, "give --ambito or --comune, not both").WithHint("a Comune already implies its Ambito")
	}
	if p.By == "" {
		p.By = def.By[0]
	}
	if !slices.Contains(def.By, p.By) {
		return p, csi.Errorf(csi.EINVALID, "%s cannot be broken down --by %s", def.Name, p.By).
			WithHint("use --by %s", strings.Join(def.By, "|"))
	}
	if p.SuppressBelow < 0 {
		return p, csi.Errorf(csi.EINVALID, "--suppress-below must be positive").WithHint("e.g. --suppress-below 5")
	}
	return p, nil
}
