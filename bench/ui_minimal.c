/*
 * The baseline for bench/ui-first-frame.sh: the least an ncurses program
 * can do to draw tcpteach's first screen (two boxed state boxes, two time
 * lines, a menu and a status line), then wait for q.
 */
#include <curses.h>
#include <locale.h>

int
main(void)
{
	WINDOW *c, *s;
	int y;

	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	curs_set(0);
	wnoutrefresh(stdscr);
	c = newwin(7, 40, 0, 0);
	s = newwin(7, 40, 0, 40);
	box(c, 0, 0);
	box(s, 0, 0);
	mvwaddstr(c, 0, 3, "client");
	mvwaddstr(s, 0, 3, "server");
	mvwaddstr(c, 1, 2, "C L O S E D");
	mvwaddstr(s, 1, 2, "C L O S E D");
	mvwaddstr(c, 2, 2, "no connection");
	mvwaddstr(s, 2, 2, "no connection");
	wnoutrefresh(c);
	wnoutrefresh(s);
	for (y = 7; y < 16; y++) {
		mvaddch(y, 13, ACS_VLINE);
		mvaddch(y, 65, ACS_VLINE);
	}
	mvaddstr(20, 0, "client  c connect  l listen  k crash");
	mvaddstr(21, 0, "server  C connect  L listen  K crash");
	mvaddstr(22, 0, "wire    e settle  i old SYN");
	attron(A_REVERSE);
	mvaddstr(23, 0, " step 0/0 t=0s relative          "
	    "u undo  : command  ? help  q quit ");
	attroff(A_REVERSE);
	wnoutrefresh(stdscr);
	doupdate();
	while (getch() != 'q')
		;
	endwin();
	return 0;
}
