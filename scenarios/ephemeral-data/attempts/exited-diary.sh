# A container whose main command ends at once: it is never running when checked.
docker run --name diary alpine sh -c 'echo "day one" > /note.txt'
docker stop diary
docker start diary
docker cp diary:/note.txt ./note-backup.txt
docker run --name scratch alpine sh -c 'echo "day one" > /note.txt'
docker rm scratch
docker run --name scratch alpine cat /note.txt
