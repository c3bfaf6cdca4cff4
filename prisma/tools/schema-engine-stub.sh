#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# `prisma generate` only checks that the file exists; anything that really needs the engine
# (migrate, db push) must fail loudly instead of silently printing nothing.
echo "warroom: the native Prisma schema engine is not installed here." >&2
echo "Use 'npm run db:new -- <name>' (wasm engine) to write migrations and 'npm run db:migrate' to apply them." >&2
exit 1
