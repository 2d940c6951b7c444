package synth

import (
	"os"
	"testing"
	"time"
)

func TestDevProvince(t *testing.T) {
	f, _ := os.Create("/tmp/synthdev/prov.csv")
	defer f.Close()
	start := time.Now()
	n, err := WriteProvince(f, Options{Seed: 1, Scale: 1})
	t.Logf("rows %d err %v in %v", n, err, time.Since(start))
}

func TestDevMutate(t *testing.T) {
	in, _ := os.Open("/tmp/synthdev/prov.csv")
	defer in.Close()
	out, _ := os.Create("/tmp/synthdev/mut.csv")
	defer out.Close()
	start := time.Now()
	st, err := Mutate(in, out, 7, 0.02, 0.005, 0.005)
	t.Logf("%+v err %v in %v", st, err, time.Since(start))
}

func TestDevDump(t *testing.T) {
	f, _ := os.Create("/tmp/synthdev/p05.csv")
	defer f.Close()
	WriteProvince(f, Options{Seed: 5, Scale: 0.05})
}

func TestDevCheckFull(t *testing.T) {
	data, _ := os.ReadFile("/tmp/synthdev/prov.csv")
	checkExtract(t, parse(t, data), asOf, true)
	data, _ = os.ReadFile("/tmp/synthdev/mut.csv")
	checkExtract(t, parse(t, data), asOf+mutateWindow, false)
}
