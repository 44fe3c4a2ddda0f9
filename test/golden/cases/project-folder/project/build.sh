#!/bin/sh
echo "build script ran with $# args: $*"
