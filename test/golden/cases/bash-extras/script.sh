# bash conveniences from tutorials: brace expansion, [[ ]], here-strings, $'...', PIPESTATUS, exec redirections.
mkdir -p app/{src,test,docs}
ls app
touch app/src/{index,util}.js
ls app/src
echo {1..5} {a..e} file{01..03}.log
echo "{not,expanded}" '{1..3}'
[[ -f package.json ]] || echo missing package.json
[[ -d app && ! -e app/README.md ]] && echo "app exists, no README yet"
name="web-1"; [[ $name == web-* ]] && echo "$name is a web container"
[[ $name =~ ^([a-z]+)-([0-9]+)$ ]] && echo "service=${BASH_REMATCH[1]} index=${BASH_REMATCH[2]}"
text=$'error: disk full\ninfo: started\nerror: timeout'
grep -c error <<< "$text"
read first rest <<< "hello brave new world"; echo "$first / $rest"
echo $'tab\there'
true | false | true; echo "statuses: ${PIPESTATUS[@]}"
bash -c 'exec > out.txt; echo captured; echo also captured'
cat out.txt
sh -c 'echo {a,b}; [[ 1 ]]'
