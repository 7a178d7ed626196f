package plotting

import (
	"sync"
	"sync/atomic"
)

// onceCache keeps the size newest values by key; each value is built once,
// even when several goroutines ask for it at the same time. The Renderer
// keeps its backgrounds and its loss frames in one each.
type onceCache[T any] struct {
	size  int
	mu    sync.Mutex
	m     map[string]*onceEntry[T]
	order []string // insertion order, for eviction
}

// onceEntry is one cached value, built once.
type onceEntry[T any] struct {
	once sync.Once
	v    atomic.Pointer[T] // set once built
}

// get returns the value for key, building it with build when absent (and
// evicting the oldest value when the cache is full).
func (c *onceCache[T]) get(key string, build func() *T) *T {
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]*onceEntry[T])
	}
	e, ok := c.m[key]
	if !ok {
		e = &onceEntry[T]{}
		c.m[key] = e
		c.order = append(c.order, key)
		if len(c.order) > c.size {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v.Store(build()) })
	return e.v.Load()
}

// peek returns the value for key if it is cached and built, nil otherwise;
// it never builds one.
func (c *onceCache[T]) peek(key string) *T {
	c.mu.Lock()
	e := c.m[key]
	c.mu.Unlock()
	if e == nil {
		return nil
	}
	return e.v.Load() // nil while still being built
}

// len is the number of values cached.
func (c *onceCache[T]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
