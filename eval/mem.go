package eval

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// Memory is the resident memory of the process around one run, read from
// Linux's /proc/self/status.
//
// Peak is VmHWM (the high-water mark of resident memory) after the run;
// Base is VmRSS just before it. Before each run the garbage collector runs,
// freed memory is returned to the system and the high-water mark is reset
// by writing 5 to /proc/self/clear_refs, so Peak belongs to this run
// alone. Both include what the process already held: the loaded pages, the
// binary and the other extractors' code. Peak-Base is the run's own growth.
// Go heap statistics (runtime.MemStats) are not used because they miss
// memory outside the Go heap and only show the current, not the peak, value.
type Memory struct {
	Base, Peak uint64 // bytes
	// OK is false where /proc is missing or the mark could not be reset.
	OK bool
}

const memoryNote = "memory: VmHWM (peak resident set) from /proc/self/status, reset via /proc/self/clear_refs before each run after GC; 'growth' is the peak minus the resident set at the start of the run, which already holds the loaded pages"

type memoryProbe struct {
	base uint64
	ok   bool
}

func startMemory() memoryProbe {
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return memoryProbe{}
	}
	base, ok := procStatus("VmRSS")
	return memoryProbe{base: base, ok: ok}
}

func (p memoryProbe) stop() Memory {
	if !p.ok {
		return Memory{}
	}
	peak, ok := procStatus("VmHWM")
	return Memory{Base: p.base, Peak: peak, OK: ok}
}

func (m Memory) lines() []Line {
	if !m.OK {
		return []Line{{"peak RSS MB", "n/a"}, {"growth MB", "n/a"}}
	}
	mb := func(b uint64) string { return fmt.Sprintf("%.0f", float64(b)/(1<<20)) }
	growth := uint64(0)
	if m.Peak > m.Base {
		growth = m.Peak - m.Base
	}
	return []Line{{"peak RSS MB", mb(m.Peak)}, {"growth MB", mb(growth)}}
}

// procStatus reads one "Key:   123 kB" field of /proc/self/status in bytes.
func procStatus(key string) (uint64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := bytes.Cut(sc.Bytes(), []byte(":"))
		if !ok || string(k) != key {
			continue
		}
		f := bytes.Fields(v)
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, false
		}
		n, err := strconv.ParseUint(string(f[0]), 10, 64)
		return n << 10, err == nil
	}
	return 0, false
}
