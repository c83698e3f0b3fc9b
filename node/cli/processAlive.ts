/** Whether a process with this id exists on this host (one we may not signal counts): stale locks, leases and temporary files are those of processes that do not. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
