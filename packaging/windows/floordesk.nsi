; FloorDesk's Windows installer (NSIS 3, Unicode), made by scripts/dist.sh:
;   makensis -DVERSION=1.2.0 -DNUMERIC=1.2.0.0 -DEXE=floordesk.exe
;            -DICON=floordesk.ico -DOUTFILE=FloorDesk-1.2.0-setup.exe floordesk.nsi
;
; Per user, without administrator rights: the program goes to
; %LocalAppData%\Programs\FloorDesk, a Start-menu and a desktop shortcut
; are made, and "Apps and features" lists it with its uninstaller. The
; desk's data stays where the desk keeps it, %AppData%\FloorDesk (and its
; -backups and -prints folders beside it): an upgrade installs over the
; old program in place and never touches it, and the uninstaller leaves it.
; Silent: FloorDesk-…-setup.exe /S (and uninstall.exe /S).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"

!define APP "FloorDesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FloorDesk"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${NUMERIC}"
VIFileVersion "${NUMERIC}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${NUMERIC}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${APP}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\floordesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows' own language picks.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString Running ${LANG_SIMPCHINESE} "FloorDesk 正在运行。请先关闭 FloorDesk（记录不会丢失），然后点“重试”。"
LangString Running ${LANG_ENGLISH} "FloorDesk is running. Close FloorDesk (nothing is lost), then click Retry."
LangString DataKept ${LANG_SIMPCHINESE} "服务台数据仍保留在 $APPDATA\FloorDesk（及其备份文件夹），如需彻底删除请由 IT 处理。"
LangString DataKept ${LANG_ENGLISH} "The desk's data stays in $APPDATA\FloorDesk (and its backups folder); IT removes it if it must go."

; closedOrAbort waits until the desk's exe can be written: a running
; desk holds it, and its data folder. One copy for the installer, one
; for the uninstaller ("un.").
!macro closedOrAbortFunction un
Function ${un}closedOrAbort
	retry:
	IfFileExists "$INSTDIR\floordesk.exe" 0 free
	ClearErrors
	FileOpen $0 "$INSTDIR\floordesk.exe" a
	IfErrors 0 close
	MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
	Abort
	close:
	FileClose $0
	free:
FunctionEnd
!macroend
!insertmacro closedOrAbortFunction ""
!insertmacro closedOrAbortFunction "un."

Section "FloorDesk"
	SetShellVarContext current
	Call closedOrAbort
	SetOutPath "$INSTDIR"
	File "/oname=floordesk.exe" "${EXE}"
	WriteUninstaller "$INSTDIR\uninstall.exe"
	CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\floordesk.exe"
	CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\floordesk.exe"
	WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\floordesk.exe"
	WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
	SetShellVarContext current
	Call un.closedOrAbort
	Delete "$INSTDIR\floordesk.exe"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	Delete "$SMPROGRAMS\${APP}.lnk"
	Delete "$DESKTOP\${APP}.lnk"
	DeleteRegKey HKCU "${UNINST_KEY}"
	DeleteRegKey HKCU "Software\${APP}"
	; The data folder is the hotel's records: never removed here.
	DetailPrint "$(DataKept)"
SectionEnd
