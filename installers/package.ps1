<#
.SYNOPSIS
  Builds a TriggerLab installer for Windows with the JDK's jpackage (JDK 17+).

.DESCRIPTION
  The Windows counterpart of installers/package.sh. The jpackage options are data: installers\common\*.args and
  installers\windows\<Type>.args, filtered by Maven (the version comes from the POM) into app\target\jpackage\.
  Output goes to installers\out\<Type>\.

  An .msi needs the WiX Toolset 3.x (candle.exe, light.exe). JDK 17's jpackage does not support WiX 4 or later.
    choco install wixtoolset --version 3.14.1 -y
  jpackage finds it on PATH or in "C:\Program Files (x86)\WiX Toolset v3.*\bin".

.EXAMPLE
  .\installers\package.ps1 msi
  Builds the jars (mvnw.cmd -B -DskipTests package) and installers\out\msi\TriggerLab-<version>.msi.

.EXAMPLE
  .\installers\package.ps1 app-image -SkipBuild
  installers\out\app-image\TriggerLab\TriggerLab-cli.exe --self-test
#>
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [ValidateSet('app-image', 'msi')]
    [string] $Type,
    # Use the jars already in app\target instead of building them.
    [switch] $SkipBuild
)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

function Find-JdkTool([string] $Name) {
    if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$Name.exe")) { return "$env:JAVA_HOME\bin\$Name.exe" }
    $command = Get-Command "$Name.exe" -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    throw "$Name.exe was not found: install a full JDK 17+ (not a JRE) and set JAVA_HOME."
}
$jpackage = Find-JdkTool 'jpackage'
$jar = Find-JdkTool 'jar'

if ($Type -eq 'msi') {
    $onPath = Get-Command 'candle.exe' -ErrorAction SilentlyContinue
    $installed = Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin\candle.exe" -ErrorAction SilentlyContinue
    if (-not $onPath -and -not $installed) {
        throw ("An .msi needs the WiX Toolset 3.x (candle.exe, light.exe); JDK 17's jpackage does not support WiX 4+. " +
               "Install it with: choco install wixtoolset --version 3.14.1 -y")
    }
}

if (-not $SkipBuild) {
    & .\mvnw.cmd -B -q -DskipTests package -pl app -am
    if ($LASTEXITCODE -ne 0) { throw "The Maven build failed (exit $LASTEXITCODE)." }
}
$target = 'app\target'
$arguments = "$target\jpackage"
foreach ($needed in "$target\triggerlab-console.jar", "$target\lib", "$arguments\common\app.args", "$arguments\windows\$Type.args") {
    if (-not (Test-Path $needed)) {
        throw "$needed is missing: run .\mvnw.cmd -B -DskipTests package first (or leave out -SkipBuild)."
    }
}

$out = 'installers\out'
$staging = "$out\input"
Remove-Item -Recurse -Force $staging, "$out\$Type" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$staging\lib", "$staging\openjfx" | Out-Null
Copy-Item "$target\triggerlab-console.jar" $staging
Copy-Item "$target\lib\*.jar" "$staging\lib"
# JavaFX's DLLs, taken out of its platform jars now, so that at run time JavaFX finds them in the application's
# openjfx\ folder (-Djavafx.cachedir, common\app.args) instead of extracting them into %USERPROFILE%\.openjfx.
foreach ($fx in Get-ChildItem "$staging\lib\javafx-*.jar") {
    $natives = @(& $jar tf $fx.FullName | Where-Object { $_ -match '^[^/]+\.dll$' })
    if ($natives.Count -gt 0) {
        Push-Location "$staging\openjfx"
        & $jar xf $fx.FullName @natives
        Pop-Location
    }
}
if (-not (Get-ChildItem "$staging\openjfx")) { throw "No JavaFX DLLs found in $staging\lib: is the JavaFX win jar there?" }

$watch = [Diagnostics.Stopwatch]::StartNew()
& $jpackage --type $Type --input $staging --dest "$out\$Type" `
    "@$arguments\common\app.args" "@$arguments\common\runtime.args" "@$arguments\windows\$Type.args"
if ($LASTEXITCODE -ne 0) { throw "jpackage failed (exit $LASTEXITCODE)." }
Write-Host "Built $Type in $([int]$watch.Elapsed.TotalSeconds)s:"
Get-ChildItem "$out\$Type" | Format-Table Name, Length
