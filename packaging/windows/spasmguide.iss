; Inno Setup script for SpasmGuide on Windows: installs dist\spasmguide for the current user
; (no administrator rights needed) with a Start menu entry. Built by .github/workflows/desktop.yml:
;   iscc /DAppVersion=1.0.0 packaging\windows\spasmguide.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId=org.spasmguide.SpasmGuide
AppName=SpasmGuide
AppVersion={#AppVersion}
AppPublisher=The SpasmGuide authors
DefaultDirName={autopf}\SpasmGuide
DefaultGroupName=SpasmGuide
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SpasmGuide-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\..\build\icons\spasmguide.ico
UninstallDisplayIcon={app}\spasmguide.exe

[Files]
Source: "..\..\dist\spasmguide\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\SpasmGuide"; Filename: "{app}\spasmguide.exe"
Name: "{autodesktop}\SpasmGuide"; Filename: "{app}\spasmguide.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\spasmguide.exe"; Description: "{cm:LaunchProgram,SpasmGuide}"; Flags: nowait postinstall skipifsilent
