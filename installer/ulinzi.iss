; Inno Setup script: Ulinzi for Windows 10/11, installed for every user of the PC.
;
; Build the bundle first (installer\dist\ulinzi, see installer\README.md), then, in installer\:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" ulinzi.iss
; The result is installer\dist\ulinzi-<version>-setup.exe. Needs Inno Setup 6.3 or newer.
;
; What it does:
;   - installs the bundle in C:\Program Files\Ulinzi (per machine: needs an administrator);
;   - Start menu and desktop shortcuts to ulinziw.exe (no console window); ulinzi.exe is the
;     administrator's command line (`ulinzi init`, `ulinzi check`...);
;   - makes C:\ProgramData\Ulinzi, where the shared store lives (desktop/paths.py:
;     C:\ProgramData\Ulinzi\store), writable by every user of the PC;
;   - never deletes that folder: not on upgrade, not on uninstall. An upgrade replaces the
;     program only; the store is migrated, after a backup copy, when the new version opens it.

; The version comes from the bundle's own metadata folder (_internal\ulinzi-<version>.dist-info),
; so the installer always says what the bundle is. /DAppVersion=x.y.z on the command line wins.
#ifndef AppVersion
  #define MetadataSearch FindFirst(AddBackslash(SourcePath) + "dist\ulinzi\_internal\ulinzi-*.dist-info", faDirectory)
  #if MetadataSearch == 0
    #error No dist\ulinzi\_internal\ulinzi-*.dist-info: build the bundle first (installer\README.md).
  #endif
  #define MetadataFolder FindGetFileName(MetadataSearch)
  ; "ulinzi-" is 7 characters, ".dist-info" 10.
  #define AppVersion Copy(MetadataFolder, 8, Len(MetadataFolder) - 17)
#endif

#define AppName "Ulinzi"
#define GuiExe "ulinziw.exe"

[Setup]
; The AppId identifies the program across versions: never change it, or an upgrade installs
; a second copy beside the first.
AppId={{2016BAA1-684B-4031-8C03-81FD870F824B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ulinzi project
AppComments=Offline case management for child protection social workers
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
; 64-bit Windows 10 1809 or newer: what Qt 6 and Python 3.11's 64-bit builds support.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=dist
OutputBaseFilename=ulinzi-{#AppVersion}-setup
SetupIconFile=ulinzi.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An open Ulinzi holds files in {app}: ask to close it (Windows Restart Manager) before
; replacing them. Its store is closed cleanly like on any exit.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.Purpose=Offline case management for child protection social workers
fr.Purpose=Gestion hors ligne des dossiers de protection de l'enfance
en.DemoShortcut=Ulinzi demo (made-up children, for training)
fr.DemoShortcut=Démo Ulinzi (enfants fictifs, pour la formation)
en.SharingStore=Letting every user of this PC use the shared Ulinzi store...
fr.SharingStore=Ouverture de la base Ulinzi partagée à tous les utilisateurs de ce PC...

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Remove the previous version's bundle before copying the new one: a module left over from an
; older version must not be found by the new program.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\ulinzi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The shared store's parent folder. "users-modify" lets every user of the PC create, change and
; delete files there (SQLite's -wal and -shm files, key slots, backups), whoever made them first.
; uninsneveruninstall: the uninstaller leaves it, with the agency's case files, in place.
Name: "{commonappdata}\Ulinzi"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "{cm:Purpose}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Make sure the grant is inherited by everything created inside, with the Users group named by
; its SID (S-1-5-32-545), which is the same in every language of Windows.
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\Ulinzi"" /grant:r *S-1-5-32-545:(OI)(CI)M"; StatusMsg: "{cm:SharingStore}"; Flags: runhidden waituntilterminated
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
