package cli

// enEnv returns the getenv of an in-process run over env, in English unless
// env sets CSI_LANG: the tests' expected messages are English, whatever the
// developer's locale (Run reads no process variable, and the default is
// Italian).
func enEnv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok || k != "CSI_LANG" {
			return v
		}
		return "en"
	}
}
