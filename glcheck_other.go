//go:build gles || arm || arm64 || wasm

package main

// probeOpenGL leaves OpenGL ES builds to Fyne's own checks.
func probeOpenGL() (key, detail string) { return "", "" }
