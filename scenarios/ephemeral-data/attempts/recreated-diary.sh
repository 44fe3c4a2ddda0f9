# "Restarting" by removing and running again: the layer with the note is gone.
docker run -d --name diary alpine sleep infinity
docker exec diary sh -c 'echo "day one" > /note.txt'
docker cp diary:/note.txt ./note-backup.txt
docker rm -f diary
docker run -d --name diary alpine sleep infinity
docker exec diary cat /note.txt
docker run -d --name scratch alpine sleep infinity
docker exec scratch sh -c 'echo "day one" > /note.txt'
docker rm -f scratch
docker run -d --name scratch alpine sleep infinity
