; Inno Setup script for Valuation Workbench (估值工作台) on Windows.
;
; Built by installer/build.py on Windows after PyInstaller has made the
; one-folder bundle from installer/valuation-workbench.spec:
;   iscc /DAppVersion=<models/_version.py> /DSourceDir=build\dist\valuation-workbench
;        /DOutputDir=build /DOutputBase=valuation-workbench-<v>-windows-amd64-setup
;        installer\valuation-workbench.iss
; The version is passed in by build.py from models/_version.py, the one place
; it is kept; the defaults below only serve a hand-run of iscc.
; Installs per user by default (no admin rights needed on analysts' machines),
; offers all users when run elevated. Nothing is downloaded.

#ifndef AppVersion
  #error AppVersion must be given: iscc /DAppVersion=X.Y.Z (build.py does this)
#endif
#ifndef SourceDir
  #define SourceDir "..\build\dist\valuation-workbench"
#endif
#ifndef OutputDir
  #define OutputDir "..\build"
#endif
#ifndef OutputBase
  #define OutputBase "valuation-workbench-" + AppVersion + "-windows-setup"
#endif

#define AppName "Valuation Workbench"
#define AppNameZh "估值工作台"
#define AppExe "valuation-workbench.exe"

[Setup]
AppId={{6F1B7C52-3E1A-4C7B-9B0E-4C1D2A8E5F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Valuation Workbench
DefaultDirName={autopf}\Valuation Workbench
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBase}
SetupIconFile=..\resources\icons\valuation-workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameZh}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
