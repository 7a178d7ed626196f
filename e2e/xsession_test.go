//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// xsession is one Xvfb display with the program under test running on it.
type xsession struct {
	t       *testing.T
	display string
	xvfb    *exec.Cmd
	app     *exec.Cmd
	appErr  bytes.Buffer
	exited  chan error
	window  string
	shots   string
	home    string
}

// startX starts Xvfb on a free display, 1280×800.
func startX(t *testing.T, shots string) *xsession {
	t.Helper()
	return startXSize(t, shots, "1280x800")
}

// startXSize starts Xvfb with a screen of size ("1920x1080") on a display
// number the server picks itself (-displayfd): a display held by a server
// another run left behind, whose lock file may be gone, is never chosen.
func startXSize(t *testing.T, shots, size string) *xsession {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import", python()} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make deps-test", tool)
		}
	}
	s := &xsession{t: t, shots: shots, home: t.TempDir()}
	log := filepath.Join(s.home, "xvfb.log")
	display, err := s.startXvfb(size, log)
	if err != nil {
		t.Fatalf("Xvfb did not come up: %v\n%s", err, readLog(log))
	}
	s.display = display
	deadline := time.Now().Add(15 * time.Second)
	for {
		probe := exec.Command("xdotool", "getdisplaygeometry")
		probe.Env = s.env()
		if err := probe.Run(); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Xvfb on %s does not answer\n%s", s.display, readLog(log))
		}
		time.Sleep(100 * time.Millisecond)
	}
	return s
}

// startXvfb starts the server, registers its shutdown and returns the
// display it chose (":N"). The server's messages go to the file log.
func (s *xsession) startXvfb(size, log string) (string, error) {
	out, err := os.Create(log)
	if err != nil {
		return "", err
	}
	defer out.Close()
	r, w, err := os.Pipe()
	if err != nil {
		return "", err
	}
	defer r.Close()
	s.xvfb = exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", size+"x24", "-nolisten", "tcp")
	s.xvfb.ExtraFiles = []*os.File{w}
	s.xvfb.Stdout, s.xvfb.Stderr = out, out
	err = s.xvfb.Start()
	w.Close()
	if err != nil {
		return "", err
	}
	s.t.Cleanup(s.stopXvfb)
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if _, err := strconv.Atoi(n); err != nil {
			return "", fmt.Errorf("Xvfb wrote no display number (%q)", n)
		}
		return ":" + n, nil
	case <-time.After(20 * time.Second):
		return "", fmt.Errorf("Xvfb chose no display within 20 s")
	}
}

// readLog returns the server's messages, or why they cannot be read.
func readLog(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// stopXvfb asks the server to end, so that it removes its lock file and
// socket, and kills it if it does not within 5 s.
func (s *xsession) stopXvfb() {
	s.xvfb.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.xvfb.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		s.xvfb.Process.Kill()
		<-done
	}
}

func (s *xsession) env() []string {
	return append(os.Environ(), "DISPLAY="+s.display, "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8",
		"HOME="+s.home, "XDG_CONFIG_HOME="+filepath.Join(s.home, ".config"))
}

// cmd runs a helper tool on the display and returns its trimmed output.
func (s *xsession) cmd(name string, args ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, name, args...)
	c.Env = s.env()
	out, err := c.CombinedOutput()
	if err != nil {
		s.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// launch starts the program and waits for its window.
func (s *xsession) launch(binary string, args ...string) {
	s.t.Helper()
	s.app = exec.Command(binary, args...)
	s.app.Env = s.env()
	s.app.Stdout = &s.appErr
	s.app.Stderr = &s.appErr
	if err := s.app.Start(); err != nil {
		s.t.Fatalf("start %s: %v", binary, err)
	}
	s.exited = make(chan error, 1)
	go func() { s.exited <- s.app.Wait() }()
	s.t.Cleanup(func() {
		if s.app.ProcessState == nil {
			s.app.Process.Kill()
		}
	})
	ids := s.cmd("xdotool", "search", "--sync", "--onlyvisible", "--name", "Gradient Descent Lab")
	s.window = strings.Fields(ids)[0]
}

// screenshot saves the whole screen as name.png and returns it decoded.
func (s *xsession) screenshot(name string) image.Image {
	s.t.Helper()
	path := filepath.Join(s.shots, name+".png")
	s.cmd("import", "-window", "root", path)
	f, err := os.Open(path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		s.t.Fatalf("decode %s: %v", path, err)
	}
	return img
}

func (s *xsession) key(keys ...string) {
	s.cmd("xdotool", append([]string{"key", "--clearmodifiers", "--window", s.window}, keys...)...)
}

func (s *xsession) typeText(text string) {
	s.cmd("xdotool", "type", "--delay", "40", "--window", s.window, text)
}

func (s *xsession) click(p image.Point) {
	// Move, let the program see the pointer arrive, then press and release.
	s.cmd("xdotool", "mousemove", "--sync", strconv.Itoa(p.X), strconv.Itoa(p.Y))
	time.Sleep(250 * time.Millisecond)
	s.cmd("xdotool", "mousedown", "1")
	time.Sleep(80 * time.Millisecond)
	s.cmd("xdotool", "mouseup", "1")
}

// closeWindow asks the window to close as a window manager does, by sending
// WM_DELETE_WINDOW, and waits for the process to exit on its own.
func (s *xsession) closeWindow() error {
	s.t.Helper()
	script := `
import sys
from Xlib import display, X, protocol
d = display.Display()
w = d.create_resource_object('window', int(sys.argv[1]))
proto = d.intern_atom('WM_PROTOCOLS')
delete = d.intern_atom('WM_DELETE_WINDOW')
ev = protocol.event.ClientMessage(window=w, client_type=proto, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
w.send_event(ev, event_mask=X.NoEventMask)
d.flush()
`
	s.cmd(python(), "-c", script, s.window)
	select {
	case err := <-s.exited:
		return err
	case <-time.After(15 * time.Second):
		return fmt.Errorf("the program did not exit within 15 s of WM_DELETE_WINDOW")
	}
}

// python is Debian's python3, which has python3-xlib (another python3 may be
// first in PATH).
func python() string {
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return "python3"
}
