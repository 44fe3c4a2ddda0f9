# Stopping scratch instead of removing it: the note survives, as it did for diary.
docker run -d --name diary alpine sleep infinity
docker exec diary sh -c 'echo "day one" > /note.txt'
docker stop diary
docker start diary
docker cp diary:/note.txt note-backup.txt
docker run -d --name scratch alpine sleep infinity
docker exec scratch sh -c 'echo "day one" > /note.txt'
docker stop scratch
docker start scratch
docker exec scratch cat /note.txt
