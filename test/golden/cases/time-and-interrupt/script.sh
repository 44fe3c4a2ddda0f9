# Virtual time: each command moves the clock a little; sleep jumps it; waiting forever is interrupted.
date
sleep 5; date
date +%s
sleep infinity
echo "after Ctrl-C: $?"
date
i=0; while true; do i=$((i + 1)); sleep 1; done
echo "loop stopped after $i seconds with status $?"
# bash's time keyword reports the virtual clock.
time sleep 1.5
time -p sleep 2
