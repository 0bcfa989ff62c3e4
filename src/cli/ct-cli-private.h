/* ct-cli-private.h — what the subcommand files share. */
#pragma once

#include <stdio.h>
#include <gio/gio.h>

#include "ct-cli.h"
#include "ct-error.h"
#include "ct-wiki.h"

G_BEGIN_DECLS

typedef int (*CtCliCommandFunc) (int argc, char **argv);

typedef struct {
  const char       *name;
  CtCliCommandFunc  run;
  const char       *summary;   /* one line for --help */
} CtCliCommand;

/* One subcommand each, in ct-cli-NAME.c */
int  ct_cli_export  (int argc, char **argv);
int  ct_cli_new     (int argc, char **argv);
int  ct_cli_dump    (int argc, char **argv);
int  ct_cli_import  (int argc, char **argv);
int  ct_cli_check   (int argc, char **argv);
int  ct_cli_site    (int argc, char **argv);
/* import --letterboxd (ct-cli-letterboxd.c); @argc: what is left after
 * the options, the command name included. */
int  ct_cli_import_letterboxd (const char *export_path,
                               const char *wiki_dir,
                               int         argc);

/* Prints "continuity: MESSAGE" on stderr. */
void ct_cli_fail    (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Parses @argv with @entries; on error prints it with the command's usage
 * and returns FALSE (exit with CT_EXIT_USAGE). */
gboolean ct_cli_parse (const char    *command,
                       const char    *parameter_string,
                       const char    *summary,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv);

/* Reads a whole file, or standard input for "-". */
char *ct_cli_read_input (const char  *path,
                         gsize       *length,
                         GError     **error);

/* Writes @data to @path atomically, or to standard output for NULL/"-". */
gboolean ct_cli_write_output (const char  *path,
                              const char  *data,
                              gsize        length,
                              GError     **error);

/* Opens the wiki in @wiki_dir (--wiki), or else the one holding the
 * current folder (found upwards, like git). */
CtWiki *ct_cli_open_wiki (const char       *wiki_dir,
                          CtWikiOpenFlags   flags,
                          GError          **error);

/* The same, with its post index brought up to date with the files. A wiki
 * from a newer Continuity opens read-only and keeps its index as it is.
 * @post_files (may be NULL): set to what was read of the post files when
 * the index was found current (ct_wiki_posts_indexed), else NULL. */
CtWiki *ct_cli_open_wiki_indexed (const char   *wiki_dir,
                                  GHashTable  **post_files,
                                  GError      **error);

/* The wiki for @file: @wiki_dir (--wiki) when given, else the one found
 * upwards from @file's folder (the current folder for "-"). Returns NULL
 * without an error when there is no wiki to find; with one when the wiki
 * exists but cannot be opened. Opens read-only: reading posts never
 * changes the wiki. */
CtWiki *ct_cli_find_wiki (const char  *wiki_dir,
                          const char  *file,
                          GError     **error);

/* Prints each diagnostic as "PATH:LINE:COL: error|warning: MESSAGE" on
 * @out; returns how many are errors. */
guint   ct_cli_print_diagnostics (FILE       *out,
                                  const char *path,
                                  GPtrArray  *diagnostics);

G_END_DECLS
