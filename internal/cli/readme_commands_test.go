package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestReadmeCommands runs every command line of the fenced shell blocks of
// README.md and examples/README.md, in order, in-process, in a prepared
// folder that makes the text true (readme_env_test.go), and checks the exit
// code the text implies and the results it states. Commands that cannot run
// in-process are in docExemptions, with the reason.
func TestReadmeCommands(t *testing.T) {
	var all []docCommand
	used := map[int]int{} // index in docExemptions: matched lines
	for _, doc := range []string{"README.md", "examples/README.md"} {
		path := filepath.Join("..", "..", doc)
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cmds := parseDocCommands(doc, string(text))
		if len(cmds) == 0 {
			t.Fatalf("%s: no command found in its shell blocks", doc)
		}
		all = append(all, cmds...)
		t.Run(doc, func(t *testing.T) {
			r := newDocRunner(t, doc, string(text))
			for _, c := range cmds {
				if i := docExemption(c); i >= 0 {
					used[i]++
					continue
				}
				r.run(c)
			}
			r.checkTablesUsed()
		})
	}
	exempt := 0
	for i, e := range docExemptions {
		if used[i] == 0 {
			t.Errorf("exemption %q (%s) matches no command of %s any more: remove it", e.cmd, e.reason, e.doc)
		}
		exempt += used[i]
	}
	t.Logf("README commands: %d run, %d exempted (see docExemptions)", len(all)-exempt, exempt)
}

// docCommand is one command line of a fenced shell block.
type docCommand struct {
	doc     string
	line    int    // where it starts, 1-based
	text    string // continuation lines joined, comment stripped
	comment string // after " #", trimmed
	exit    int    // expected exit code; -1 when the text says none
	export  bool   // an `export K=V` line
	echoed  bool   // followed by `echo $?`
}

var docShellFence = regexp.MustCompile("^```(sh|bash|shell|console)\\s*$")

// parseDocCommands returns the commands of doc's fenced shell blocks: the
// lines that run csi (`csi `, `./csi `, `go run ./cmd/csi `, or csi in a
// process substitution) and `export` lines; an `echo $?  # N` line sets
// the exit code expected of the command before it.
func parseDocCommands(doc, text string) []docCommand {
	var out []docCommand
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if !docShellFence.MatchString(lines[i]) {
			continue
		}
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			start := i
			line := lines[i]
			for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
				i++
				line = strings.TrimRight(strings.TrimSuffix(line, `\`), " ") + " " + strings.TrimSpace(lines[i])
			}
			cmd, comment := splitShellComment(line)
			c := docCommand{doc: doc, line: start + 1, text: cmd, comment: comment, exit: commentExit(comment)}
			switch {
			case cmd == "echo $?" && len(out) > 0:
				out[len(out)-1].exit = leadingNumber(comment)
				out[len(out)-1].echoed = true
			case strings.HasPrefix(cmd, "export "):
				c.export = true
				out = append(out, c)
			case docRunsCSI(cmd):
				out = append(out, c)
			}
		}
	}
	return out
}

// docRunsCSI says whether a shell line runs csi.
func docRunsCSI(cmd string) bool {
	for _, p := range []string{"csi ", "./csi ", "go run ./cmd/csi "} {
		if strings.HasPrefix(cmd, p) {
			return true
		}
	}
	return strings.Contains(cmd, "<(csi ") || strings.Contains(cmd, "$(csi ")
}

// splitShellComment splits a line at the first " #" outside quotes.
func splitShellComment(line string) (cmd, comment string) {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' '):
			return strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		}
	}
	return strings.TrimSpace(line), ""
}

var docExitComment = regexp.MustCompile(`^exit (\d+)\b`)

// commentExit reads a comment that starts "exit N"; -1 otherwise.
func commentExit(comment string) int {
	if m := docExitComment.FindStringSubmatch(comment); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return -1
}

// leadingNumber reads the number an `echo $?` comment starts with.
func leadingNumber(comment string) int {
	end := strings.IndexFunc(comment, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(comment)
	}
	n, err := strconv.Atoi(comment[:end])
	if err != nil {
		return -1
	}
	return n
}

// shellWords splits a command line into words, honouring single and
// double quotes (no expansion: the documented commands need none).
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	var quote rune
	inWord := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote", quote)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// docInvocation is one run of a command: its csi arguments, where stdout
// goes and the pipe that reads it.
type docInvocation struct {
	args     []string
	redirect string // stdout to this file
	pipe     string // the rest of the line after the first |
}

// docInvocations turns a command line into the runs it stands for: a
// synopsis with optional `[--flag value]` groups runs once without them and
// once with all of them.
func docInvocations(text string) ([]docInvocation, error) {
	line, pipe, _ := strings.Cut(text, " | ")
	words, err := shellWords(line)
	if err != nil {
		return nil, err
	}
	switch {
	case len(words) > 0 && words[0] == "csi", len(words) > 0 && words[0] == "./csi":
		words = words[1:]
	case len(words) > 3 && strings.Join(words[:3], " ") == "go run ./cmd/csi":
		words = words[3:]
	default:
		return nil, fmt.Errorf("does not start with csi")
	}
	inv := docInvocation{pipe: strings.TrimSpace(pipe)}
	if i := indexOf(words, ">"); i >= 0 {
		if i != len(words)-2 {
			return nil, fmt.Errorf("a redirection must end the line")
		}
		inv.redirect, words = words[i+1], words[:i]
	}
	bare, full, optional := expandOptional(words)
	inv.args = bare
	if !optional {
		return []docInvocation{inv}, nil
	}
	with := inv
	with.args = full
	return []docInvocation{inv, with}, nil
}

// expandOptional returns words without their [bracketed] groups and with
// them unbracketed, and whether there were any.
func expandOptional(words []string) (bare, full []string, optional bool) {
	depth := 0
	for _, w := range words {
		open := strings.HasPrefix(w, "[")
		w = strings.TrimPrefix(w, "[")
		closing := strings.HasSuffix(w, "]")
		w = strings.TrimSuffix(w, "]")
		if open {
			depth++
			optional = true
		}
		full = append(full, w)
		if depth == 0 {
			bare = append(bare, w)
		}
		if closing {
			depth--
		}
	}
	return bare, full, optional
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

// docRunner runs one document's commands in its prepared folder.
type docRunner struct {
	t        *testing.T
	doc      string
	text     string
	dir      string
	env      map[string]string
	lastOut  string
	expected map[int][]int // docExpectations used: the lines they matched
	adapted  map[int]bool  // docAdaptations used
}

// run runs one command line and checks what the text says of it.
func (r *docRunner) run(c docCommand) {
	t := r.t
	if c.export {
		r.export(c)
		return
	}
	if c.echoed && c.exit > 1 && strings.HasPrefix(c.text, "go run ") {
		t.Errorf("%s:%d: %q: `echo $?` after `go run` prints go run's own 1, never %d: run the built binary", c.doc, c.line, c.text, c.exit)
	}
	invs, err := docInvocations(c.text)
	if err != nil {
		t.Errorf("%s:%d: %q: %v (exempt it in docExemptions if it cannot run in-process)", c.doc, c.line, c.text, err)
		return
	}
	want := c.exit
	exp, ei := r.expectation(c)
	if exp != nil && exp.exit != nil {
		want = *exp.exit
	}
	if want < 0 {
		want = 0
	}
	for _, inv := range invs {
		inv.args = r.adapt(c, inv.args)
		before := ""
		if exp != nil && exp.unchanged {
			before = r.revision()
		}
		out, code := r.csi(inv)
		if before != "" && r.revision() != before {
			t.Errorf("%s:%d: csi %s: the text says it writes nothing, but the store's revision went from %s to %s", c.doc, c.line, strings.Join(inv.args, " "), before, r.revision())
		}
		if code != want {
			t.Errorf("%s:%d: csi %s: exit %d, the text implies %d\n%s", c.doc, c.line, strings.Join(inv.args, " "), code, want, out)
			continue
		}
		r.checkPipe(c, inv)
		if n := strings.ReplaceAll(c.comment, ",", ""); regexp.MustCompile(`^\d+$`).MatchString(n) && !strings.Contains(out, n) {
			t.Errorf("%s:%d: %q: the comment says %s; output:\n%s", c.doc, c.line, c.text, c.comment, out)
		}
		if exp != nil {
			r.checkExpectation(c, ei, exp, inv, out)
		}
	}
}

// csi runs one invocation in-process and returns stdout+stderr and the
// exit code; stdout also goes to the redirection's file.
func (r *docRunner) csi(inv docInvocation) (string, int) {
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	code := Run(context.Background(), inv.args, io, enEnv(r.env))
	if inv.redirect != "" {
		if err := os.WriteFile(r.path(inv.redirect), out.Bytes(), 0o600); err != nil {
			r.t.Fatal(err)
		}
	}
	r.lastOut = out.String()
	return out.String() + errOut.String(), code
}

// revision returns the store's snapshot revision (last import and last
// audit entry): every change of data moves it.
func (r *docRunner) revision() string {
	out, code := r.csi(docInvocation{args: []string{"indicators", "show", "ambiti-referente", "-o", "json"}})
	var res struct {
		Snapshot struct{ Revision string } `json:"snapshot"`
	}
	if code != 0 || json.Unmarshal([]byte(r.lastOut), &res) != nil || res.Snapshot.Revision == "" {
		r.t.Fatalf("indicators show ambiti-referente: exit %d:\n%s", code, out)
	}
	return res.Snapshot.Revision
}

// export applies an `export K=V ...` line to the environment.
func (r *docRunner) export(c docCommand) {
	words, err := shellWords(strings.TrimPrefix(c.text, "export "))
	if err != nil {
		r.t.Fatalf("%s:%d: %v", c.doc, c.line, err)
	}
	for _, w := range words {
		k, v, ok := strings.Cut(w, "=")
		if !ok {
			r.t.Fatalf("%s:%d: %q is not K=V", c.doc, c.line, w)
		}
		r.env[k] = r.path(v)
	}
}

// checkExpectation checks the results an expectation takes from the text.
func (r *docRunner) checkExpectation(c docCommand, i int, exp *docExpect, inv docInvocation, out string) {
	t := r.t
	for _, w := range exp.want {
		if !strings.Contains(out, w) {
			t.Errorf("%s:%d: csi %s: output lacks %q, which the text states:\n%s", c.doc, c.line, strings.Join(inv.args, " "), w, out)
		}
	}
	for file, wants := range exp.files {
		data, err := os.ReadFile(r.path(file))
		if err != nil {
			t.Errorf("%s:%d: %q: the text says it writes %s: %v", c.doc, c.line, c.text, file, err)
			continue
		}
		if fi, err := os.Stat(r.path(file)); err == nil && exp.private && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s:%d: %s has mode %v, the text says 0600", c.doc, c.line, file, fi.Mode().Perm())
		}
		for _, w := range wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s:%d: %s lacks %q:\n%s", c.doc, c.line, file, w, data)
			}
		}
	}
	if exp.again != "" {
		if again, code := r.csi(inv); code != 0 || !strings.Contains(again, exp.again) {
			t.Errorf("%s:%d: csi %s again: exit %d, want 0 and %q:\n%s", c.doc, c.line, strings.Join(inv.args, " "), code, exp.again, again)
		}
	}
}

// near says whether the text says q on one of lines or in the 100 lines
// after it (the comment or the prose that follows the block).
func (r *docRunner) near(lines []int, q string) bool {
	text := strings.Split(r.text, "\n")
	for _, l := range lines {
		window := strings.Join(text[l-1:min(len(text), l+100)], "\n")
		if strings.Contains(strings.Join(strings.Fields(window), " "), q) {
			return true
		}
	}
	return false
}

// path maps the system folders a command names (/tmp, /backup) into the
// prepared folder, so the test writes nothing outside it.
func (r *docRunner) path(p string) string {
	for _, sys := range []string{"/tmp/", "/backup/"} {
		if strings.HasPrefix(p, sys) {
			return filepath.Join(r.dir, strings.TrimPrefix(sys, "/"), strings.TrimPrefix(p, sys))
		}
	}
	return p
}

// adapt rewrites an invocation's arguments: the system folders into the
// prepared folder, then the docAdaptations of its line.
func (r *docRunner) adapt(c docCommand, args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(k, "--") {
			out[i] = k + "=" + r.path(v)
		} else {
			out[i] = r.path(a)
		}
	}
	for i, a := range docAdaptations {
		if a.doc == c.doc && a.cmd == c.text {
			r.adapted[i] = true
			out = a.apply(r, out)
		}
	}
	return out
}

// expectation returns the docExpectations entry of a command line.
func (r *docRunner) expectation(c docCommand) (*docExpect, int) {
	for i := range docExpectations {
		if e := &docExpectations[i]; e.doc == c.doc && e.cmd == c.text {
			r.expected[i] = append(r.expected[i], c.line)
			return e, i
		}
	}
	return nil, -1
}

// checkTablesUsed fails for an expectation or adaptation of this document
// that matched no command line, or whose quotes the text no longer says
// near the lines it matched, so that the tables follow the text.
func (r *docRunner) checkTablesUsed() {
	for i, e := range docExpectations {
		if e.doc != r.doc {
			continue
		}
		if len(r.expected[i]) == 0 {
			r.t.Errorf("docExpectations[%d] (%q) matches no command of %s any more", i, e.cmd, r.doc)
		}
		for _, q := range e.quote {
			if !r.near(r.expected[i], q) {
				r.t.Errorf("docExpectations[%d] quotes %q, which %s no longer says near %q: update the table", i, q, r.doc, e.cmd)
			}
		}
	}
	for i, a := range docAdaptations {
		if a.doc == r.doc && !r.adapted[i] {
			r.t.Errorf("docAdaptations[%d] (%q) matches no command of %s any more", i, a.cmd, r.doc)
		}
	}
}

// docExemption returns the index of the exemption matching c, or -1.
func docExemption(c docCommand) int {
	for i, e := range docExemptions {
		if e.doc == c.doc && e.cmd == c.text {
			return i
		}
	}
	return -1
}

// TestDocParsing checks the command extraction on a small document.
func TestDocParsing(t *testing.T) {
	doc := "text\n```sh\ncsi a \"b c\" [--x y] > out.txt   # exit 3 on errors\n./csi d \\\n    --e f\necho $?    # 4: refused\n" +
		"go test ./...\nexport CSI_DB=/tmp/x.db\nsource <(csi completion bash)\n```\n```\ncsi not-shell\n```\n"
	cmds := parseDocCommands("d", doc)
	var got []string
	for _, c := range cmds {
		got = append(got, fmt.Sprintf("%d|%s|%d", c.line, c.text, c.exit))
	}
	want := []string{`3|csi a "b c" [--x y] > out.txt|3`, "4|./csi d --e f|4", "8|export CSI_DB=/tmp/x.db|-1", "9|source <(csi completion bash)|-1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("parsed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	invs, err := docInvocations(cmds[0].text)
	if err != nil || len(invs) != 2 {
		t.Fatalf("invocations: %v %v", invs, err)
	}
	if a, b := strings.Join(invs[0].args, "|"), strings.Join(invs[1].args, "|"); a != "a|b c" || b != "a|b c|--x|y" || invs[0].redirect != "out.txt" {
		t.Errorf("invocations %q %q redirect %q", a, b, invs[0].redirect)
	}
	if inv, _ := docInvocations("csi x -o json | jq -r '.[].istat'"); len(inv) != 1 || inv[0].pipe != "jq -r '.[].istat'" {
		t.Errorf("pipe: %+v", inv)
	}
}
