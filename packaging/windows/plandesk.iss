; Inno Setup recipe for the Windows installer of PlanDesk (Inno Setup 6.3 or later):
;
;   iscc /DAppVersion=0.1.0 packaging\windows\plandesk.iss
;
; packaging\windows\build.ps1 builds dist\plandesk\ (packaging\plandesk.spec), smoke-tests it and runs this;
; the result is dist\plandesk-VERSION-windows-x64-setup.exe. The installer copies the bundle to
; C:\Program Files\PlanDesk, adds start-menu entries (the window, a command prompt for plandesk-cli, the
; uninstaller) and, if ticked, a desktop icon.
;
; The office's data is not in the program folder: the database, its backups and evidence files live in
; %LOCALAPPDATA%\PlanDesk (the log in %LOCALAPPDATA%\PlanDesk\Logs, the window's preferences under
; HKCU\Software\PlanDesk). The uninstaller removes only what this installer put into the program folder, so
; uninstalling, reinstalling or upgrading never touches the data. A newer version installs over an older
; one (same AppId); its first start backs the database up and then upgrades its schema.
; This file is UTF-8 with a byte order mark, which is how the compiler knows to read it as UTF-8.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z plandesk.iss
#endif

; Chinese Simplified became one of Inno Setup's own languages in version 6.5; an older compiler gets an
; English installer rather than a failed build.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define Messages "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found in this Inno Setup: the installer will be in English"
  #define Messages "compiler:Default.isl"
#endif

#define AppName "PlanDesk 规划督办台"

[Setup]
; The AppId ties every version's installer to one entry in Apps & features: never change it.
AppId={{C69FA7C1-28EE-4834-9D83-0D7167E31C5F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PlanDesk
DefaultDirName={autopf}\PlanDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\plandesk.exe
; Program Files needs an administrator; the data stays per user all the same.
PrivilegesRequired=admin
; PySide6 (Qt 6) runs on 64-bit Windows 10 1809 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
; A running PlanDesk is asked to close before its files are replaced.
CloseApplications=yes
OutputDir=..\..\dist
OutputBaseFilename=plandesk-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "main"; MessagesFile: "{#Messages}"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries go before the new ones arrive, so no stale module outlives an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\plandesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\plandesk.exe"; WorkingDir: "{userdocs}"
; A command prompt in the program folder that lists the commands, for the monthly report or a backup by hand
; or from a scheduled task (plandesk-cli.exe prints and returns an exit code; plandesk.exe is the window).
Name: "{group}\PlanDesk 命令行"; Filename: "{cmd}"; Parameters: "/k plandesk-cli.exe --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\plandesk.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
; As the user who started the installer, not as the administrator it asked for: the data folder and the
; preferences are that user's.
Filename: "{app}\plandesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

; No [UninstallDelete]: %LOCALAPPDATA%\PlanDesk and HKCU\Software\PlanDesk belong to the user (see above).
