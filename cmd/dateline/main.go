// Command dateline is the news-intelligence engine's command line: it
// extracts, analyses, stores and serves news articles.
//
// main only parses the command line, runs one command and reports its
// error; the work is done by the stage packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// env is what a command may touch of the process: its streams. Commands
// take it as a value so that tests can run them in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one verb of the CLI.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists the verbs in the order `dateline help` shows them.
func commands() []command {
	return []command{
		{"extract", "extract clean articles from pages, files, URLs or WARCs", runExtract},
		{"analyze", "extract and analyse articles: entities with roles and mentions (--body: text as is)", runAnalyze},
		{"ner", "tag CoNLL-format tokens on stdin with PER/ORG/LOC/MISC", runNER},
		{"train", "train a model: dateline train ner|pos|quotes", runTrain},
		{"eval", "score extraction and dates on the shared corpus", runEval},
		{"watch", "poll feeds, sitemaps and home pages and fetch new articles politely", runWatch},
		{"ingest", "store analysed articles in the knowledge base (SQLite)", runIngest},
		{"serve", "serve the knowledge base: web UI and JSON API", runServe},
	}
}

// errUsage marks an error caused by the command line itself (exit 2).
var errUsage = errors.New("usage")

// errFailedInputs is returned when some inputs of a batch failed; each
// failure was already reported on its own line.
var errFailedInputs = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process exit code:
// 0 success, 1 some inputs or the command failed, 2 bad usage.
func run(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, err)
			return 2
		case errors.Is(err, errFailedInputs):
			return 1
		default:
			fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "dateline: unknown command %q\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dateline COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'dateline COMMAND -h' for a command's flags.")
}

// writeFile creates path and writes it with write, closing it either way.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
