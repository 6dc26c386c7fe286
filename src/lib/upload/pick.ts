/**
 * Files from a drop (files and whole folders, walked with webkitGetAsEntry) or from a file input (a folder input
 * gives webkitRelativePath), each with its path inside what was picked.
 */
import type { Picked } from './plan';

export function pickedFromInput(list: FileList | File[]): Picked<File>[] {
	return [...list].map((f) => ({ path: f.webkitRelativePath || f.name, item: f }));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
	return new Promise((ok, fail) => entry.file(ok, fail));
}

/** All entries of a folder (readEntries answers in batches until it answers none). */
async function children(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
	const reader = dir.createReader();
	const out: FileSystemEntry[] = [];
	for (;;) {
		const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
		if (!batch.length) return out;
		out.push(...batch);
	}
}

async function walk(entry: FileSystemEntry, out: Picked<File>[]): Promise<void> {
	if (entry.isFile) out.push({ path: entry.fullPath.replace(/^\//, ''), item: await fileOf(entry as FileSystemFileEntry) });
	else if (entry.isDirectory) for (const c of await children(entry as FileSystemDirectoryEntry)) await walk(c, out);
}

/**
 * The files of a drop. Entries and files are taken at once: a DataTransfer is emptied after the event handler
 * returns. Where the entries cannot be read (a drop made by a script has no file system behind it), the plain
 * file list is used.
 */
export async function pickedFromDrop(dt: DataTransfer): Promise<Picked<File>[]> {
	const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
	const plain = pickedFromInput([...dt.files]);
	if (!entries.length || entries.some((e) => !e)) return plain;
	try {
		const out: Picked<File>[] = [];
		for (const e of entries) await walk(e!, out);
		return out.length ? out : plain;
	} catch {
		return plain;
	}
}
