# The first containers: run (pulling on first use), detached containers, ps, logs, stop, rm, --rm, a missing
# command, the writable layer through stop/start, and rmi refusing an image a container uses.
docker run hello-world
docker run alpine echo hi
docker run -d --name sleeper alpine sleep 1000
docker ps
docker ps -a
docker logs sleeper
# As PID 1, sleep has no SIGTERM handler, so the kernel drops the signal: stop waits 10 s, then SIGKILL (137).
docker stop sleeper
docker ps -a --filter name=sleeper
docker wait sleeper
docker rm sleeper
docker rm sleeper
docker run --rm alpine echo bye
docker ps -a -q --no-trunc
docker run alpine nope
echo $?
docker ps -l
# The writable layer survives stop and start, and is gone with the container.
docker run -d --name counter alpine sh -c 'echo run >> /runs; cat /runs; sleep 1000'
docker stop counter
docker start counter
docker logs counter
docker kill counter
docker logs -t --tail 1 counter
docker run --name writer alpine sh -c 'echo run >> /runs; cat /runs'
docker start -a writer
echo $?
docker ps -a --format '{{.Names}}: {{.Status}}'
docker run --rm alpine cat /runs
echo $?
docker rm counter writer
docker run --name counter alpine cat /runs
docker rmi alpine
docker rmi hello-world
docker rm -f counter nope
docker run -d --name counter alpine sleep 5
docker rm counter
docker rm -f counter
docker run nope
echo $?
