# Push-Location and Pop-Location (pushd/popd), Resolve-Path, Join-Path $PWD, cd -PassThru.
New-Item -ItemType Directory C:\work\sub | Out-Null
Set-Content C:\work\sub\one.txt 1
Set-Content C:\work\sub\two.txt 2
pushd C:\work\sub
(Resolve-Path *.txt).Path
Resolve-Path .\one.txt -Relative
Join-Path $PWD x.csv
popd
(Get-Location).Path
Pop-Location
(Get-Location).Path
(cd C:\work -PassThru).Path
Resolve-Path C:\work\missing.txt
