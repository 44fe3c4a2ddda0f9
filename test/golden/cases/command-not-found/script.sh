# A command exists only where its program file does; the wording is the shell's own.
nosuchcommand --help
echo "exit status $?"
sh -c 'nosuchcommand'
bash -c 'nosuchcommand'
echo 'echo from a script' > run.sh
./run.sh
chmod +x run.sh && ./run.sh
/tmp
ls /nonexistent
echo "exit status $?"
which ls docker nosuchcommand
echo "exit status $?"
