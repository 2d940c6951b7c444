package records

import "fmt"

// T formats the English text of a rejected row's reason. The reasons are
// stored and sent in English (the rejects file, -o json); the human
// summary translates them (i18n's Known), and T marks their formats for
// the catalog test.
func T(format string, args ...any) string { return fmt.Sprintf(format, args...) }
