# File edits on the host: here-documents, redirections, and who owns what.
whoami
id
cat > app.js <<'END'
const greeting = "hello";
console.log(`${greeting} world`);
END
cat app.js
echo "line 1" > notes.txt
echo "line 2" >> notes.txt
cat notes.txt; wc -l notes.txt
mkdir -p src/lib && touch src/lib/util.js
ls -la
ls -R src
sed -i 's/hello/goodbye/' app.js && grep -n goodbye app.js
cp app.js src/ && mv notes.txt src/ && ls src
rm -r src && ls
cat /etc/hostname
ls -l /usr/bin/docker /bin/sh
echo hi > /etc/motd
cat /etc/shadow
chmod 600 /etc/passwd
rm /etc/hostname
touch /tmp/scratch && ls -l /tmp
uname -a
docker info --format '{{.KernelVersion}} {{.OperatingSystem}}'
grep PRETTY /etc/os-release
