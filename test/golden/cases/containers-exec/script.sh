# docker exec: a new process in a running container, sharing its filesystem
docker pull -q alpine
docker run -d --name web -e GREETING=hello alpine sleep 1000
docker exec web sh -c 'echo $GREETING from $(hostname)'
docker exec -e GREETING=hi -w /tmp -u nobody web sh -c 'echo $GREETING $(pwd) $(id -u)'
docker exec web sh -c 'echo out; echo err >&2; exit 3'
echo $?
# a missing command is runc's error, printed on the output stream, exit 127; a file that is not executable: 126
docker exec web nope
echo $?
docker exec web /etc/passwd
echo $?
# -d returns at once; what it writes is in the container's filesystem for everyone
docker exec -d web sh -c 'echo made > /made'
docker exec web cat /made
# an interactive shell (the transcript's terminal sends no input: Ctrl-D at the prompt)
docker exec -it web sh
docker pause web
docker exec web true
docker unpause web
docker stop -t 1 web
docker exec web true
echo $?
docker exec
