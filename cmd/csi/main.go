// Command csi is the administration toolkit for the Cartella Sociale Informatizzata of Monza e Brianza.
package main

import (
	"os"

	"github.com/csi-mb/csi/internal/cli"
)

func main() { os.Exit(cli.Main()) }
