# Builds the Windows installer (MSI) of SnapOtter with jpackage + WiX. Run on a Windows machine or the
# windows runner (.github/workflows/installers-windows.yml); NOT run by `mvn verify` on Linux.
#
# Prerequisites: Temurin JDK >= 25 (JAVA_HOME), WiX Toolset (3.14 on GitHub's windows-2022 image; jpackage
# also accepts WiX 4/5 when `wix.exe` is on the PATH), Maven.
#
#   mvn -B -DskipTests -Dinstallers.skip=true -Dinstallers.sbom.skip=true -Djavafx.platform=win -pl installers -am package
#   powershell -File installers\windows\build-windows.ps1 -Version 0.1.0-SNAPSHOT
#
# Output: installers\target\installers\SnapOtter-<x.y.z>.msi  (per-machine install to C:\Program Files\SnapOtter,
# Start-menu entry + desktop shortcut, upgrades in place thanks to the fixed upgrade UUID).
# Launchers: SnapOtter.exe (GUI) and snapotter-cli.exe (console). On Windows the CLI launcher cannot be called
# "snapotter.exe": the file system is case-insensitive and SnapOtter.exe already exists.
param(
  [Parameter(Mandatory = $true)][string]$Version,
  [string]$BuildDir = "target"
)
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$installers = Resolve-Path "$here\.."
$root = Resolve-Path "$installers\.."
$work = "$installers\$BuildDir\jpackage"
$inputDir = "$work\input"
$fxmods = "$work\fxmods"
$out = "$installers\$BuildDir\installers"
$jdk = $env:JAVA_HOME
if (-not (Test-Path "$jdk\bin\jpackage.exe")) { throw "JAVA_HOME must point to a JDK >= 25 with jpackage (now: '$jdk')" }
if (-not (Test-Path "$inputDir\snapotter-desktop-$Version.jar")) { throw "run the mvn command in the header first ($inputDir is incomplete)" }
$appVersion = ($Version -replace '^(\d+(\.\d+){0,2}).*', '$1')

# Same explicit module list as Linux (installers/common/jlink-modules.txt); '!' lines are not linked.
$available = Get-ChildItem "$fxmods\javafx-*.jar" | ForEach-Object { "javafx." + ($_.BaseName -replace '^javafx-([a-z]+)-.*', '$1') } | Sort-Object -Unique
$modules = (Get-Content "$installers\common\jlink-modules.txt" | ForEach-Object { ($_ -replace '#.*', '').Trim() } |
  Where-Object { $_ -and -not $_.StartsWith('!') -and (-not $_.StartsWith('javafx.') -or $available -contains $_) }) -join ','

$runtime = "$work\runtime-win"
if (Test-Path $runtime) { Remove-Item -Recurse -Force $runtime }
& "$jdk\bin\jlink" --module-path $fxmods --add-modules $modules --strip-debug --no-header-files --no-man-pages `
  --strip-native-commands --compress=zip-6 --output $runtime
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

$appDir = "$work\app-image-win"
if (Test-Path $appDir) { Remove-Item -Recurse -Force $appDir }
& "$jdk\bin\jpackage" --type app-image --name SnapOtter --app-version $appVersion --vendor SnapOtter `
  --description "Self-hosted image toolkit" --input $inputDir --main-jar "snapotter-desktop-$Version.jar" `
  --main-class dev.snapotter.desktop.Launcher --runtime-image $runtime `
  --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics" --java-options "-Xshare:auto" `
  --add-launcher "snapotter-cli=$installers\common\cli-launcher.properties" `
  --icon "$installers\icons\snapotter.ico" --dest $appDir
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }
Copy-Item "$root\LICENSE" "$appDir\SnapOtter\app\LICENSE"

New-Item -ItemType Directory -Force $out | Out-Null
# The upgrade UUID must never change: it is how Windows Installer recognises an older SnapOtter to replace.
& "$jdk\bin\jpackage" --type msi --app-image "$appDir\SnapOtter" --name SnapOtter --app-version $appVersion `
  --vendor SnapOtter --description "Self-hosted image toolkit" --license-file "$root\LICENSE" `
  --about-url https://snapotter.dev --win-upgrade-uuid 5b0c1a52-6f3e-4c2b-9d0e-8a7f3c1e2d44 `
  --win-menu --win-menu-group SnapOtter --win-shortcut --win-dir-chooser `
  --icon "$installers\icons\snapotter.ico" --dest $out
if ($LASTEXITCODE -ne 0) { throw "jpackage msi failed (is WiX installed and on the PATH?)" }
Get-ChildItem "$out\*.msi" | ForEach-Object { "built $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }
