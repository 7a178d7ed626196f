//go:build unix

package optimizer_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far; the
// benchmarks report it per step beside the wall time, since on a shared
// machine it is the steadier figure.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
