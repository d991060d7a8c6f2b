; Inno Setup 6 script for Trastienda on Windows: installs dist\trastienda\ into Program Files
; (or the user's folder when not an administrator), a Start menu entry with the app's icon, an
; optional desktop shortcut, and an uninstaller (Settings > Apps, or the Start menu entry).
;
; packaging/build.py runs it as
;   ISCC /DAppVersion=0.1.0 /DSourceDir=<repo>\dist\trastienda /DIconFile=<repo>\build\trastienda\icons\trastienda.ico
;        /DOutputDir=<repo>\dist packaging\windows\trastienda.iss
; The defaults below let it compile by hand from the repository root after a build;
; tests/app/test_packaging.py keeps AppVersion equal to app.__version__.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\trastienda"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\trastienda\icons\trastienda.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Trastienda"
#define AppPublisher "Trastienda"
#define AppExeName "trastienda.exe"

[Setup]
; Never change AppId: Windows finds the installed copy (upgrade, uninstall) by it.
AppId={{6F1C2E0B-7A4D-4C55-9B3E-2D8A51C0E7A1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#OutputDir}
OutputBaseFilename=Trastienda-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "catalan"; MessagesFile: "compiler:Languages\Catalan.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (the local database in %LOCALAPPDATA%, its backups, the keyring's passwords)
; is theirs: the uninstaller leaves it.
