# Pipes, quoting, variables and command substitution on the host terminal.
echo hello | tr a-z A-Z
printf '%s\n' banana apple cherry apple | sort | uniq -c
name="Docker learner"; echo "Hi, $name" 'and $name'
echo "today is $(date +%A), in $(pwd)"
echo `echo back`ticks
count=$(seq 1 5 | wc -l); echo "count=$count"
echo $((6 * 7)) ${undefined:-default} ${#name}
export GREETING=hello
sh -c 'echo "$GREETING from $0"'
seq 1 100000 | head -3
echo one two three | xargs -n 1 echo item
