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
;     C:\ProgramData\Ulinzi\store), usable by the local group "Ulinzi users" (made here; an
;     administrator adds the people who will use Ulinzi) and by nobody else;
;   - refuses to put an older version over a newer one (the newer may have migrated the store);
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
; Identifies the program across versions (the uninstall key is "<AppId>_is1"): never change it,
; or an upgrade installs a second copy beside the first.
#define AppId "{2016BAA1-684B-4031-8C03-81FD870F824B}"
#define GuiExe "ulinziw.exe"
; The local group whose members may use the store. Not translated: it is a name, not a text.
#define UsersGroup "Ulinzi users"
; The program holds this mutex while it runs (desktop/main.py): setup waits until it is closed.
#define RunningMutex "Ulinzi.Running"

; Windows' version resources take numbers only: 1.2.0rc1 -> 1.2.0.
#define NumericVersion ""
#define VersionIndex 1
#for {VersionIndex = 1; VersionIndex <= Len(AppVersion) && Pos(Copy(AppVersion, VersionIndex, 1), "0123456789.") > 0; VersionIndex++} NumericVersion = NumericVersion + Copy(AppVersion, VersionIndex, 1)

[Setup]
AppId={{#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ulinzi project
AppComments=Offline case management for child protection social workers
; Version info on setup.exe itself (the program files carry theirs from ulinzi.spec).
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoCompany=Ulinzi project
VersionInfoDescription={#AppName} {#AppVersion} setup
VersionInfoCopyright=GNU General Public License, version 3 or later
; The GPL, shown before installing (the program is free software; the agency may share it).
LicenseFile=..\LICENSE
; A log of every step in %TEMP%\Setup Log <date> #<n>.txt, for whoever supports the office.
SetupLogging=yes
; Signed when built with /DSign and a sign tool named "signtool" (installer\README.md, Signing).
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif
; Setup sees a running Ulinzi (in any session of the PC) and asks to close it first.
AppMutex={#RunningMutex},Global\{#RunningMutex}
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
en.SharingStore=Giving the group "{#UsersGroup}" the use of the shared Ulinzi store...
fr.SharingStore=Attribution de la base Ulinzi partagée au groupe « {#UsersGroup} »...
en.NewerInstalled=Ulinzi %1 is installed on this PC, newer than this setup (%2). It may already have updated the store, which an older Ulinzi cannot open. Install %1 or a later version instead.
fr.NewerInstalled=Ulinzi %1 est installé sur ce PC, plus récent que ce programme d'installation (%2). Il a peut-être déjà mis à jour la base, qu'un Ulinzi plus ancien ne peut pas ouvrir. Installez %1 ou une version plus récente.
en.RightsFailed=Ulinzi is installed, but the rights on %1 could not be set (%2, code %3). Until they are, only administrators can use the store. Run as an administrator: %4
fr.RightsFailed=Ulinzi est installé, mais les droits sur %1 n'ont pas pu être définis (%2, code %3). En attendant, seuls les administrateurs peuvent utiliser la base. Exécutez en administrateur : %4
en.WhoMayUse=Only members of the local group "{#UsersGroup}" can use Ulinzi's store. Add each person who will use Ulinzi, as an administrator: net localgroup "{#UsersGroup}" NAME /add (they sign out and in again).
fr.WhoMayUse=Seuls les membres du groupe local « {#UsersGroup} » peuvent utiliser la base d'Ulinzi. Ajoutez chaque personne qui utilisera Ulinzi, en administrateur : net localgroup "{#UsersGroup}" NOM /add (puis elle se déconnecte et se reconnecte).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Remove the previous version's bundle before copying the new one: a module left over from an
; older version must not be found by the new program.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\ulinzi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The shared store's parent folder; its rights are set in [Code] (ShareStoreFolder), where the
; result of icacls can be checked. uninsneveruninstall: the uninstaller leaves it, with the
; agency's case files, in place.
Name: "{commonappdata}\Ulinzi"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "{cm:Purpose}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
// Which version is installed now: what the previous setup wrote in the uninstall key.
function InstalledVersion(): String;
var
  Key: String;
begin
  Result := '';
  Key := 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{#AppId}_is1';
  if not RegQueryStringValue(HKLM, Key, 'DisplayVersion', Result) then
    RegQueryStringValue(HKCU, Key, 'DisplayVersion', Result);
end;

// The downgrade guard: a newer Ulinzi may have migrated the store (Alembic), and an older one
// cannot open a schema it does not know. Refuse before anything is copied.
function InitializeSetup(): Boolean;
var
  Installed: String;
  InstalledPacked, OursPacked: Int64;
begin
  Result := True;
  Installed := InstalledVersion();
  if (Installed <> '') and StrToVersion(Installed, InstalledPacked)
     and StrToVersion('{#NumericVersion}', OursPacked)
     and (ComparePackedVersion(InstalledPacked, OursPacked) > 0) then
  begin
    Log('Refused: Ulinzi ' + Installed + ' is installed, this setup is {#AppVersion}.');
    SuppressibleMsgBox(FmtMessage(CustomMessage('NewerInstalled'), [Installed, '{#AppVersion}']),
      mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

// Runs a program hidden and says whether it ran and returned 0; the log keeps both.
function RunChecked(const Program_, Params: String; var Code: Integer): Boolean;
begin
  Result := Exec(Program_, Params, '', SW_HIDE, ewWaitUntilTerminated, Code) and (Code = 0);
  Log(Format('%s %s -> %d', [Program_, Params, Code]));
end;

// The store's folder belongs to the local group "Ulinzi users", SYSTEM and the administrators,
// and nobody else: no inherited "Users: read" from ProgramData, and an earlier version's
// "Users: modify" grant removed. Everything made inside inherits it (OI)(CI), whoever makes it.
// Well-known accounts by SID (the same in every language of Windows): S-1-5-18 SYSTEM,
// S-1-5-32-544 Administrators, S-1-5-32-545 Users.
procedure ShareStoreFolder();
var
  Folder, Net, Icacls, Params: String;
  Code: Integer;
begin
  Folder := ExpandConstant('{commonappdata}\Ulinzi');
  Net := ExpandConstant('{sys}\net.exe');
  Icacls := ExpandConstant('{sys}\icacls.exe');
  // Exit code 2 when the group exists already (an upgrade): what counts is that it exists.
  RunChecked(Net, 'localgroup "{#UsersGroup}" /add /comment:"People who may use Ulinzi''s store"', Code);
  if not RunChecked(Net, 'localgroup "{#UsersGroup}"', Code) then
  begin
    SuppressibleMsgBox(FmtMessage(CustomMessage('RightsFailed'),
      [Folder, 'net localgroup', IntToStr(Code), 'net localgroup "{#UsersGroup}" /add']),
      mbError, MB_OK, IDOK);
    Exit;
  end;
  Params := '"' + Folder + '" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F '
    + '*S-1-5-32-544:(OI)(CI)F "{#UsersGroup}:(OI)(CI)M" /remove:g *S-1-5-32-545';
  if not RunChecked(Icacls, Params, Code) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('RightsFailed'),
      [Folder, 'icacls', IntToStr(Code), 'icacls ' + Params]), mbError, MB_OK, IDOK)
  else
    Log('The store folder is shared with the group {#UsersGroup}.');
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := CustomMessage('SharingStore');
    ShareStoreFolder();
  end;
end;

// Said on the last page (and in the log): who may use the store, and how to add people.
function UpdateReadyMemo(Space, NewLine, MemoUserInfoInfo, MemoDirInfo, MemoTypeInfo,
  MemoComponentsInfo, MemoGroupInfo, MemoTasksInfo: String): String;
begin
  Result := MemoDirInfo + NewLine + NewLine + MemoTasksInfo + NewLine + NewLine
    + CustomMessage('WhoMayUse');
end;
