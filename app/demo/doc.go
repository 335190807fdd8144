// Package demo fills an empty desk with a believable hotel: the set-up
// through the core's commands, then each register's history from its
// app.Module demo generators, deterministic for a seed.
package demo
