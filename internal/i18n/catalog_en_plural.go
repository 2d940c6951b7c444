package i18n

// englishCounts holds the English text, with plural choices, of the
// messages whose key says a plural noun after a count that may be one
// (see plural.go): "1 entry verified", "2 entries verified".
var englishCounts = map[string]string{
	"reverted import %s of %s (%s, %s as of %s): %d versions removed, %d reopened":                                     "reverted import %s of %s (%s, %s as of %s): %d {{version|versions}} removed, %d reopened",
	"reverting import %s of %s (%s, %s as of %s) will remove %d versions and reopen %d.\nRevert it? [y/N] ":            "reverting import %s of %s (%s, %s as of %s) will remove %d {{version|versions}} and reopen %d.\nRevert it? [y/N] ",
	"dry run: reverting import %s of %s (%s, %s as of %s) would remove %d versions and reopen %d; nothing was changed": "dry run: reverting import %s of %s (%s, %s as of %s) would remove %d {{version|versions}} and reopen %d; nothing was changed",
	"audit log intact: %d entries verified%s":                                                                          "audit log intact: %d {{entry|entries}} verified%s",
	"store %s: integrity ok; audit log intact: %d entries verified":                                                    "store %s: integrity ok; audit log intact: %d {{entry|entries}} verified",
	"validation %s: %s %s, %s: %d records checked, %d errors, %d warnings":                                             "validation %s: %s %s, %s: %d {{record|records}} checked, %d {{error|errors}}, %d {{warning|warnings}}",
	"validation failed: %d findings at or above %s":                                                                    "validation failed: %d {{finding|findings}} at or above %s",
	"validated with csi validate: %d errors, %d warnings":                                                              "validated with csi validate: %d {{error|errors}}, %d {{warning|warnings}}",
	"Validation (csi validate): %d errors, %d warnings":                                                                "Validation (csi validate): %d {{error|errors}}, %d {{warning|warnings}}",
	"SIUSS check (csi siuss check --from %s --to %s): %d errors, %d warnings":                                          "SIUSS check (csi siuss check --from %s --to %s): %d {{error|errors}}, %d {{warning|warnings}}",
	"SIUSS (csi siuss export --tipo ps --mode %s, %s..%s): %d flows written, %d records refused":                       "SIUSS (csi siuss export --tipo ps --mode %s, %s..%s): %d {{flow|flows}} written, %d {{record|records}} refused",
	"error: interrupted; %d of %d files were imported before, the one being imported was left as it was":               "error: interrupted; %d of %d files {{1:was|were}} imported before, the one being imported was left as it was",
	"error: %d of %d files failed and were left as they were; the others were imported":                                "error: %d of %d files {{1:failed and was left as it was|failed and were left as they were}}; the others were imported",
	"error: %d rows rejected; nothing was written":                                                                     "error: %d {{row|rows}} rejected; nothing was written",
	"%s: %d files not found: %s":                                                                                       "%s: %d {{file|files}} not found: %s",
}

func init() { mergeEnglish(englishCounts) }
