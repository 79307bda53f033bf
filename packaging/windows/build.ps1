<#
Builds PlanDesk for Windows: the one-folder bundle dist\plandesk\ (plandesk.exe, the window, and
plandesk-cli.exe, the command line), its smoke test, and the installer
dist\plandesk-VERSION-windows-x64-setup.exe (Inno Setup 6.3+, packaging\windows\plandesk.iss).

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-NoSmoke] [-NoInstaller]

Run it in a Python 3.11+ environment that has PlanDesk's dependencies (pip install -e ".[postgres]");
PyInstaller is installed into it here. .github/workflows/windows-bundle.yml runs exactly this.
#>
param(
    [switch]$NoSmoke,
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }

function Invoke-Native([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program $($Arguments -join ' ') failed (exit code $LASTEXITCODE)"
    }
}

# PyInstaller bundles what it finds: PlanDesk's dependencies, with the PostgreSQL driver, must be here.
$ready = & $python -c "import importlib.util as u; print(bool(u.find_spec('desktop') and u.find_spec('psycopg')))"
if ($ready -ne "True") {
    Invoke-Native $python @("-m", "pip", "install", "-q", ".[postgres]")
}
Invoke-Native $python @("-m", "pip", "install", "-q", "pyinstaller>=6.10,<7")

$started = Get-Date
Invoke-Native $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\plandesk.spec")
$megabytes = (Get-ChildItem dist\plandesk -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
"dist\plandesk: {0:N0} MB, built in {1:N0} s" -f $megabytes, ((Get-Date) - $started).TotalSeconds

if (-not $NoSmoke) {
    Invoke-Native $python @("packaging\smoke.py", "dist\plandesk")
}

if (-not $NoInstaller) {
    $iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
    if (-not $iscc) {
        $candidates = @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6",
            "$env:LOCALAPPDATA\Programs\Inno Setup 6")
        $iscc = $candidates | ForEach-Object { Join-Path $_ "ISCC.exe" } | Where-Object { Test-Path $_ } |
            Select-Object -First 1
    }
    if (-not $iscc) {
        throw "Inno Setup 6 (ISCC.exe) not found: install it (choco install innosetup) or pass -NoInstaller"
    }
    $version = & $python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
    Invoke-Native $iscc @("/Q", "/DAppVersion=$version", "packaging\windows\plandesk.iss")
    Get-ChildItem "dist\plandesk-$version-windows-x64-setup.exe" | ForEach-Object {
        "{0}: {1:N0} MB" -f $_.FullName, ($_.Length / 1MB)
    }
}
