package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func addHelpTopics(root *cobra.Command, f *Factory) {
	root.AddCommand(
		&cobra.Command{Use: "exit-codes", Short: f.T("Exit codes of csi"), Long: exitCodesHelp(f)},
		&cobra.Command{Use: "environment", Short: f.T("Environment variables read by csi"), Long: environmentHelp(f)},
	)
}

func exitCodesHelp(f *Factory) string {
	return f.T(`csi exits with one of these codes, so scripts can tell outcomes apart:

  0  success
  1  error (not found, conflict, unusable file, store unavailable, tampered audit log)
  2  usage error: unknown command or flag, missing or invalid argument value
  3  validation found problems at or above --fail-on
  4  import partly rejected: some rows were refused (see --rejects), the rest applied;
     also a re-run (no-op) of a file whose rows were refused
  5  authentication or permission refused (remote mode)
  6  remote server unreachable (remote mode)

Errors print one line on stderr starting with "error:", followed by a line starting
with "hint:" that says what to run or change. Data goes to stdout, diagnostics to
stderr. An interrupted command (Ctrl-C, SIGINT) rolls back and exits 130; one
stopped with SIGTERM (kill, a service manager) rolls back the same way and exits 143.`)
}

func environmentHelp(f *Factory) string {
	return f.T(`Environment variables read by csi:

  CSI_DB         the store file (same as --db); default $XDG_DATA_HOME/csi/csi.db,
                 or ~/.local/share/csi/csi.db when XDG_DATA_HOME is not set
  CSI_ACTOR      who is acting, recorded in the audit log (same as --actor);
                 default the operating-system user
  CSI_LANG       the language of messages and help, it or en (same as --lang);
                 without it, the first of LC_ALL, LC_MESSAGES and LANG that
                 names Italian or English (it_IT.UTF-8, en_GB.UTF-8); else Italian
  NO_COLOR       when set (any value), no colour in output (same as --no-color)
  XDG_DATA_HOME  base folder of the default store
  CSI_NOW        fix the clock (YYYY-MM-DD or RFC 3339), for reproducible runs
                 and tests: "today" in defaults and audit times use it
  CSI_DEBUG      when set, unexpected errors print their detail (which may contain
                 personal data: do not paste it into tickets)
  CSI_REMOTE     run against this csi serve server (same as --remote); --db on the
                 command line still works on a local store
  CSI_TOKEN      the API token sent to the server (same as --token, which shows
                 in the process list)
  CSI_CA_FILE    PEM file of the CA that signed the server's certificate, when it
                 is not one the system trusts
  CSI_INSECURE   when set, allow a plain http:// --remote that is not on loopback
                 (the token then crosses the network in clear)`) + "\n" + f.T(`  CSI_CSV_SEP    the field separator of -o csv (same as --csv-sep): , ; | or tab
  CSI_CSV_BOM    when 1 or true, -o csv starts with a UTF-8 byte order mark (same
                 as --csv-bom); with CSI_CSV_SEP=';' Excel set to Italian opens
                 the file in columns, accents intact`) + "\n" + f.T(`  CSI_OPERATORE  codice fiscale of the operator who sends the SIUSS flows (same as
                 --operatore of csi siuss check, export and annulla)
  CSI_SIUSS_CODES  SIUSS code table file replacing the embedded one (same as
                 --codes of csi siuss)
  GOMEMLIMIT     the Go memory limit; when set, csi anagrafe import keeps it
                 instead of its own smaller limit
  LOCALAPPDATA   on Windows, the base folder of the default store when
                 XDG_DATA_HOME is not set
  LC_ALL, LC_MESSAGES, LANG  the locale, read for the language when CSI_LANG
                 is not set`) + "\n" + f.T(`  CSI_CHECK_MAX_AGE  how long a passing check of a SQLite store is trusted
                 while only csi writes it (a duration such as 24h or 90m;
                 default 24h; 0: check before every write)`) + "\n" + f.T(`  CSI_CPUPROFILE  write csi's own CPU profile to this file, for go tool pprof
                 (measuring csi; the profile holds no data)`)
}

// translateCobra puts cobra's own texts in the chosen language: the usage
// layout, the help and completion commands and the -h and -v flags. It
// adds now what cobra would add when the command runs, so that the help
// and completion commands declare their format like the others, and it
// runs on the finished tree, so that every command gets its help flag.
func translateCobra(root *cobra.Command, f *Factory) {
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c, f) })
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Annotations = formats(FormatTable)
			c.Use = "help " + f.T("[command]")
			c.Short = f.T("Help about any command")
			c.Long = f.T("Shows the help of any command: type 'csi help' and the command, e.g. 'csi help comuni list'.")
		case "completion":
			translateCompletion(c, f)
		}
	}
	root.Flags().BoolP("version", "v", false, f.T("version for %s", root.Name()))
	_ = root.Flags().SetAnnotation("version", cobra.FlagSetByCobraAnnotation, []string{"true"})
	addHelpFlags(root, f)
}

func translateCompletion(c *cobra.Command, f *Factory) {
	c.Annotations = formats(FormatTable)
	c.Short = f.T("Generate the autocompletion script for the specified shell")
	c.Long = f.T("Generate the autocompletion script of csi for a shell.\nSee each shell's help for how to install it.")
	for _, sh := range c.Commands() {
		sh.Annotations = formats(FormatTable)
		sh.Short = f.T("Generate the autocompletion script for %s", sh.Name())
		sh.Long = completionLong(sh.Name(), f)
		if fl := sh.Flags().Lookup("no-descriptions"); fl != nil {
			fl.Usage = f.T("disable completion descriptions")
		}
	}
}

// completionLong is the help of 'csi completion SHELL'; the zsh folder is
// an argument because "${" starts a variable in a catalog message.
func completionLong(shell string, f *Factory) string {
	switch shell {
	case "bash":
		return f.T(`Generate the autocompletion script for the bash shell (it needs the
bash-completion package, from the system's package manager).

To load completions in the current shell session:

	source <(csi completion bash)

To load them in every new session, run once (Linux):

	csi completion bash > /etc/bash_completion.d/csi

or (macOS):

	csi completion bash > $(brew --prefix)/etc/bash_completion.d/csi

then start a new shell.`)
	case "zsh":
		return f.T(`Generate the autocompletion script for the zsh shell.

If completion is not enabled in zsh yet, run once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in the current shell session:

	source <(csi completion zsh)

To load them in every new session, run once (Linux):

	csi completion zsh > "%s"

or (macOS):

	csi completion zsh > $(brew --prefix)/share/zsh/site-functions/_csi

then start a new shell.`, "${fpath[1]}/_csi")
	case "fish":
		return f.T(`Generate the autocompletion script for the fish shell.

To load completions in the current shell session:

	csi completion fish | source

To load them in every new session, run once:

	csi completion fish > ~/.config/fish/completions/csi.fish

then start a new shell.`)
	case "powershell":
		return f.T(`Generate the autocompletion script for PowerShell.

To load completions in the current shell session:

	csi completion powershell | Out-String | Invoke-Expression

To load them in every new session, add the output of that command to your
PowerShell profile.`)
	}
	return ""
}

// addHelpFlags gives c and its subcommands the -h flag cobra would add,
// with its usage in the chosen language.
func addHelpFlags(c *cobra.Command, f *Factory) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, f.T("help for %s", c.DisplayName()))
		_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
	}
	for _, sub := range c.Commands() {
		addHelpFlags(sub, f)
	}
}

// writeUsage is cobra's usage template written in Go, so that its
// headings, "[flags]" and pflag's "(default …)" follow the language.
func writeUsage(w io.Writer, c *cobra.Command, f *Factory) error {
	var b strings.Builder
	b.WriteString(f.T("Usage:"))
	if c.Runnable() {
		b.WriteString("\n  " + strings.Replace(c.UseLine(), "[flags]", f.T("[flags]"), 1))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + f.T("[command]"))
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n" + f.T("Aliases:") + "\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + f.T("Examples:") + "\n" + c.Example)
	}
	writeSubcommands(&b, c, f)
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + f.T("Flags:") + "\n" + flagUsages(c.LocalFlags(), f))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + f.T("Global Flags:") + "\n" + flagUsages(c.InheritedFlags(), f))
	}
	writeHelpTopics(&b, c, f)
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + f.T(`Use "%s [command] --help" for more information about a command.`, c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSubcommands lists c's subcommands; csi defines no command groups.
func writeSubcommands(b *strings.Builder, c *cobra.Command, f *Factory) {
	if !c.HasAvailableSubCommands() {
		return
	}
	b.WriteString("\n\n" + f.T("Available Commands:"))
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			fmt.Fprintf(b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
		}
	}
}

func writeHelpTopics(b *strings.Builder, c *cobra.Command, f *Factory) {
	if !c.HasHelpSubCommands() {
		return
	}
	b.WriteString("\n\n" + f.T("Additional help topics:"))
	for _, sub := range c.Commands() {
		if sub.IsAdditionalHelpTopicCommand() {
			fmt.Fprintf(b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
		}
	}
}

// flagUsages is pflag's flag list of fs with its "(default …)" and the
// names of the values ("--db string") translated.
func flagUsages(fs *pflag.FlagSet, f *Factory) string {
	s := strings.TrimRight(fs.FlagUsages(), " \t\n")
	s = strings.ReplaceAll(s, " (default ", " ("+f.T("default")+" ")
	if f.Lang == i18n.English {
		return s
	}
	return renameValues(s, valueNames(f))
}

// valueNames are the Italian names of the values pflag shows after a flag.
func valueNames(f *Factory) map[string]string {
	return map[string]string{"string": f.T("text"), "strings": f.T("texts"), "stringArray": f.T("texts"),
		"int": f.T("number"), "int64": f.T("number"), "uint": f.T("number"), "float64": f.T("number"),
		"duration": f.T("duration"), dateFlagType: f.T("date")}
}

// renameValues renames the value after each flag of pflag's listing s
// with names, keeping the descriptions aligned in one column.
func renameValues(s string, names map[string]string) string {
	lines := strings.Split(s, "\n")
	found := false
	left := make([]string, len(lines))
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, " ")
		if !strings.HasPrefix(trimmed, "-") {
			continue // a description's second line
		}
		end := strings.Index(l[len(l)-len(trimmed):], "  ")
		if end < 0 {
			end = len(trimmed)
		}
		left[i] = l[:len(l)-len(trimmed)+end]
		found = true
	}
	if !found {
		return s
	}
	var desc []string
	width := 0
	for i, l := range lines {
		if left[i] == "" {
			desc = append(desc, strings.TrimLeft(l, " "))
			continue
		}
		desc = append(desc, strings.TrimLeft(l[len(left[i]):], " "))
		if fields := strings.Fields(left[i]); len(fields) > 1 {
			if t, ok := names[fields[len(fields)-1]]; ok {
				left[i] = strings.TrimSuffix(left[i], fields[len(fields)-1]) + t
			}
		}
		width = max(width, utf8.RuneCountInString(left[i]))
	}
	for i := range lines {
		if left[i] == "" {
			lines[i] = strings.Repeat(" ", width+3) + desc[i]
			continue
		}
		lines[i] = left[i] + strings.Repeat(" ", width+3-utf8.RuneCountInString(left[i])) + desc[i]
	}
	return strings.Join(lines, "\n")
}
