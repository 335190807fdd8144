package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// maxDepth bounds the resource tree walk: Windows uses three levels
// (type, name, language); a deeper or looping tree is refused.
const maxDepth = 3

// Want is what the program must carry; empty fields are not checked.
type Want struct {
	Version string // ProductVersion string
	Numeric string // fixed file version a.b.c.d
	GUI     bool   // Windows GUI subsystem
	Any32   bool   // a 32-bit x86 program will do (NSIS installers are)
}

// Info is what was found.
type Info struct {
	Icons          int
	ProductVersion string
	FileVersion    string
	AsInvoker      bool
}

func (i Info) String() string {
	return fmt.Sprintf("%d icon images, product version %s, file version %s, runs as the user (asInvoker): %v",
		i.Icons, i.ProductVersion, i.FileVersion, i.AsInvoker)
}

// Check reads file's resources and compares them with want.
func Check(file string, want Want) (Info, error) {
	f, err := pe.Open(file)
	if err != nil {
		return Info{}, fmt.Errorf("not a valid PE file: %w", err)
	}
	defer f.Close()
	var subsystem uint16
	var rsrc pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		subsystem, rsrc = oh.Subsystem, oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	case *pe.OptionalHeader32:
		subsystem, rsrc = oh.Subsystem, oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	default:
		return Info{}, errors.New("no optional header")
	}
	machineOK := f.Machine == pe.IMAGE_FILE_MACHINE_AMD64 || (want.Any32 && f.Machine == pe.IMAGE_FILE_MACHINE_I386)
	if !machineOK {
		return Info{}, fmt.Errorf("machine %#x, want amd64", f.Machine)
	}
	if want.GUI && subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return Info{}, fmt.Errorf("subsystem %d, want the Windows GUI (2): a console window would open behind the desk", subsystem)
	}
	res, err := readResources(f, rsrc)
	if err != nil {
		return Info{}, err
	}
	return res.check(want)
}

// resources are the resource leaves by type.
type resources map[uint32][][]byte

func (r resources) check(want Want) (Info, error) {
	var info Info
	if len(r[rtGroupIcon]) == 0 || len(r[rtIcon]) == 0 {
		return info, errors.New("no icon: Explorer, the taskbar and the Start menu would show a blank program")
	}
	info.Icons = len(r[rtIcon])
	if len(r[rtVersion]) == 0 {
		return info, errors.New("no version resource: Windows' Properties → Details would be empty")
	}
	v := r[rtVersion][0]
	info.FileVersion = fixedFileVersion(v)
	info.ProductVersion = versionString(v, "ProductVersion")
	if want.Version != "" && info.ProductVersion != want.Version {
		return info, fmt.Errorf("product version %q, want %q", info.ProductVersion, want.Version)
	}
	if want.Numeric != "" && info.FileVersion != want.Numeric {
		return info, fmt.Errorf("file version %q, want %q", info.FileVersion, want.Numeric)
	}
	if len(r[rtManifest]) == 0 {
		return info, errors.New("no manifest")
	}
	info.AsInvoker = bytes.Contains(r[rtManifest][0], []byte(`level="asInvoker"`))
	if !info.AsInvoker {
		return info, errors.New("the manifest does not run the program as the user (asInvoker): Windows would ask for administrator rights")
	}
	return info, nil
}

// readResources walks the resource directory (the .rsrc data).
func readResources(f *pe.File, dir pe.DataDirectory) (resources, error) {
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return nil, errors.New("no resources at all (no icon, no version)")
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		return nil, errors.New("the resource directory is in no section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, err
	}
	w := walker{data: data, base: dir.VirtualAddress - sec.VirtualAddress, rva: sec.VirtualAddress, out: resources{}}
	if err := w.dir(0, 0, 0); err != nil {
		return nil, fmt.Errorf("resource directory: %w", err)
	}
	return w.out, nil
}

type walker struct {
	data      []byte
	base, rva uint32 // the directory's offset in data; data's RVA
	out       resources
}

// dir reads the directory at off (from the directory's start); typ is the
// resource type once below the first level.
func (w *walker) dir(off uint32, depth int, typ uint32) error {
	if depth >= maxDepth {
		return errors.New("deeper than type, name and language")
	}
	hdr, err := w.slice(w.base+off, 16)
	if err != nil {
		return err
	}
	n := uint32(binary.LittleEndian.Uint16(hdr[12:])) + uint32(binary.LittleEndian.Uint16(hdr[14:]))
	for i := range n {
		e, err := w.slice(w.base+off+16+8*i, 8)
		if err != nil {
			return err
		}
		id, to := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
		t := typ
		if depth == 0 {
			t = id
		}
		if to&0x80000000 != 0 {
			if err := w.dir(to&0x7fffffff, depth+1, t); err != nil {
				return err
			}
			continue
		}
		leaf, err := w.slice(w.base+to, 16)
		if err != nil {
			return err
		}
		rva, size := binary.LittleEndian.Uint32(leaf), binary.LittleEndian.Uint32(leaf[4:])
		b, err := w.slice(rva-w.rva, size)
		if err != nil {
			return err
		}
		w.out[t] = append(w.out[t], b)
	}
	return nil
}

func (w *walker) slice(off, n uint32) ([]byte, error) {
	if uint64(off)+uint64(n) > uint64(len(w.data)) {
		return nil, fmt.Errorf("entry at %#x+%d runs past the section", off, n)
	}
	return w.data[off : off+n], nil
}

// fixedFileVersion reads VS_FIXEDFILEINFO's file version as a.b.c.d.
func fixedFileVersion(v []byte) string {
	sig := []byte{0xbd, 0x04, 0xef, 0xfe}
	i := bytes.Index(v, sig)
	if i < 0 || i+16 > len(v) {
		return ""
	}
	ms, ls := binary.LittleEndian.Uint32(v[i+8:]), binary.LittleEndian.Uint32(v[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

// versionString finds a StringFileInfo value by its key: the key in
// UTF-16, its NUL, padding to 32 bits, then the value up to its NUL.
func versionString(v []byte, key string) string {
	k := utf16le(key + "\x00")
	i := bytes.Index(v, k)
	if i < 0 {
		return ""
	}
	i += len(k)
	for i%4 != 0 && i < len(v) {
		i++
	}
	var u []uint16
	for ; i+1 < len(v); i += 2 {
		c := binary.LittleEndian.Uint16(v[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return strings.TrimSpace(string(utf16.Decode(u)))
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}
