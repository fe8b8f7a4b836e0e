#!/bin/sh
# One-shot bucket bootstrap for S3-compatible storage (MinIO), run with the minio/mc image:
# docker compose runs it as the `minio-init` service; in a cluster, run the same with the
# storage's admin credentials. Idempotent: an existing bucket is left as it is.
#   S3_ENDPOINT        e.g. http://minio:9000
#   S3_ADMIN_USER      an account allowed to create buckets (MinIO root user on a laptop)
#   S3_ADMIN_PASSWORD
#   S3_BUCKET          the bucket the file service uses (private: no anonymous access)
set -eu
: "${S3_ENDPOINT:?}" "${S3_ADMIN_USER:?}" "${S3_ADMIN_PASSWORD:?}" "${S3_BUCKET:?}"

tries=0
until mc alias set sakip "$S3_ENDPOINT" "$S3_ADMIN_USER" "$S3_ADMIN_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "minio bootstrap: $S3_ENDPOINT not reachable" >&2
    exit 1
  fi
  sleep 1
done

mc mb --ignore-existing "sakip/$S3_BUCKET"
mc anonymous set none "sakip/$S3_BUCKET"
echo "minio bootstrap: bucket $S3_BUCKET ready"
