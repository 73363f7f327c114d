/*
 * Check tests of the classic pcap reader (src/capture/pcapr.c) against
 * libpcap: on the shipped capture, the same file in the other byte order,
 * with nanosecond time stamps, with a small snap length, and cut at every
 * byte, both readers must give the same records (times, lengths, bytes)
 * and the same error text at the same frame.
 *
 * Data model: a file is rewritten in memory (struct pr_file: its bytes),
 * saved to a temporary file, and read by both; each reader's output is
 * one line per record plus a last line with how it ended, compared as
 * text so that a failure shows the first difference.
 */
#include <config.h>

#include <check.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/pcapr.h"

#define SHIPPED TCPTEACH_SRCDIR "/lessons/captures/handshake-18989.pcap"
#define OUTSZ 65536

struct pr_file {
	unsigned char b[8192];
	size_t n;
};

static char tmp_path[256];

static void
pr_load(struct pr_file *f)
{
	FILE *fp = fopen(SHIPPED, "rb");

	ck_assert_ptr_nonnull(fp);
	f->n = fread(f->b, 1, sizeof(f->b), fp);
	fclose(fp);
	ck_assert_uint_gt(f->n, 24);
	ck_assert_uint_lt(f->n, sizeof(f->b));
}

static uint32_t
pr_get(const unsigned char *p, bool big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3] : (uint32_t)p[3] << 24 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static void
pr_put(unsigned char *p, uint32_t v, bool big)
{
	for (int i = 0; i < 4; i++)
		p[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

static void
pr_put16(unsigned char *p, uint16_t v, bool big)
{
	p[big ? 1 : 0] = (unsigned char)v;
	p[big ? 0 : 1] = (unsigned char)(v >> 8);
}

/* Rewrite the shipped (little-endian, microsecond) file: big-endian,
 * nanoseconds (with 789 ns more, which libpcap drops), a snap length. */
static void
pr_rewrite(struct pr_file *f, bool big, bool nsec, uint32_t snap)
{
	size_t at = 24;

	pr_put(f->b, nsec ? 0xa1b23c4du : 0xa1b2c3d4u, big);
	pr_put16(f->b + 4, 2, big);
	pr_put16(f->b + 6, 4, big);
	for (int i = 8; i < 20; i += 4)
		pr_put(f->b + i, pr_get(f->b + i, false), big);
	if (snap != 0)
		pr_put(f->b + 16, snap, big);
	pr_put(f->b + 20, pr_get(f->b + 20, false), big);
	while (at + 16 <= f->n) {
		uint32_t caplen = pr_get(f->b + at + 8, false);
		uint32_t frac = pr_get(f->b + at + 4, false);

		pr_put(f->b + at, pr_get(f->b + at, false), big);
		pr_put(f->b + at + 4, nsec ? frac * 1000 + 789 : frac, big);
		pr_put(f->b + at + 8, caplen, big);
		pr_put(f->b + at + 12, pr_get(f->b + at + 12, false), big);
		at += 16 + caplen;
	}
	ck_assert_uint_eq(at, f->n);
}

static void
pr_save(const unsigned char *b, size_t n)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	FILE *fp;
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "%s/check_pcapr.XXXXXX", dir);
	fd = mkstemp(tmp_path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(b, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
}

static size_t
pr_line(char *out, size_t len, const struct pcap_pkthdr *h,
    const u_char *d)
{
	unsigned long sum = 0;

	for (uint32_t i = 0; i < h->caplen; i++)
		sum = sum * 31 + d[i];
	return len + (size_t)snprintf(out + len, OUTSZ - len,
	    "%lld.%06ld caplen=%u len=%u sum=%lx\n", (long long)h->ts.tv_sec,
	    (long)h->ts.tv_usec, h->caplen, h->len, sum);
}

static void
pr_end(char *out, size_t len, int rc, const char *err)
{
	snprintf(out + len, OUTSZ - len, "end %d %s\n", rc,
	    rc == PCAP_ERROR ? err : "");
}

/* libpcap's view of the file; false when it cannot open it. */
static bool
pr_libpcap(char *out)
{
	char ebuf[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline_with_tstamp_precision(tmp_path,
	    PCAP_TSTAMP_PRECISION_MICRO, ebuf);
	struct pcap_pkthdr *h;
	const u_char *d;
	size_t len = 0;
	int rc;

	if (p == NULL)
		return false;
	len += (size_t)snprintf(out, OUTSZ, "link %d\n", pcap_datalink(p));
	while ((rc = pcap_next_ex(p, &h, &d)) == 1)
		len = pr_line(out, len, h, d);
	pr_end(out, len, rc, pcap_geterr(p));
	pcap_close(p);
	return true;
}

static bool
pr_ours(char *out)
{
	struct cap_pcapr r;
	struct pcap_pkthdr *h;
	const u_char *d;
	FILE *fp = fopen(tmp_path, "rb");
	size_t len = 0;
	int rc;

	ck_assert_ptr_nonnull(fp);
	if (!cap_pcapr_open(&r, fp)) {
		fclose(fp);
		return false;
	}
	len += (size_t)snprintf(out, OUTSZ, "link %d\n", r.dlt);
	while ((rc = cap_pcapr_next(&r, &h, &d)) == 1)
		len = pr_line(out, len, h, d);
	pr_end(out, len, rc, r.err);
	cap_pcapr_close(&r);
	fclose(fp);
	return true;
}

/* Both readers on a file of the n bytes at b; returns the number of
 * records. */
static unsigned
pr_same(const unsigned char *b, size_t n)
{
	static char a[OUTSZ], o[OUTSZ];
	bool pa, pb;
	unsigned lines = 0;

	pr_save(b, n);
	pa = pr_libpcap(a);
	pb = pr_ours(o);
	unlink(tmp_path);
	/* A file cut inside its header is libpcap's to refuse. */
	ck_assert_msg(pb == (n >= 24), "%zu bytes: new reader %s", n,
	    pb ? "took it" : "refused it");
	if (!pb)
		return 0;
	ck_assert_msg(pa, "%zu bytes: libpcap refused it", n);
	ck_assert_msg(strcmp(a, o) == 0, "%zu bytes:\nlibpcap:\n%s\nnew:\n%s",
	    n, a, o);
	for (const char *s = o; (s = strchr(s, '\n')) != NULL; s++)
		lines++;
	return lines - 2;
}

static void
pr_every_cut(const struct pr_file *f)
{
	for (size_t n = 0; n <= f->n; n++)
		pr_same(f->b, n);
}

START_TEST(test_pcapr_shipped_little_endian_same_records)
{
	struct pr_file f;

	pr_load(&f);
	ck_assert_uint_eq(pr_same(f.b, f.n), 10);
}
END_TEST

START_TEST(test_pcapr_big_endian_same_records)
{
	struct pr_file f;

	pr_load(&f);
	pr_rewrite(&f, true, false, 0);
	ck_assert_uint_eq(pr_same(f.b, f.n), 10);
}
END_TEST

START_TEST(test_pcapr_nanosecond_both_orders_same_records)
{
	struct pr_file f;

	pr_load(&f);
	pr_rewrite(&f, false, true, 0);
	ck_assert_uint_eq(pr_same(f.b, f.n), 10);
	pr_load(&f);
	pr_rewrite(&f, true, true, 0);
	ck_assert_uint_eq(pr_same(f.b, f.n), 10);
}
END_TEST

START_TEST(test_pcapr_truncated_every_byte_same_errors)
{
	struct pr_file f;

	pr_load(&f);
	pr_every_cut(&f);
	pr_rewrite(&f, true, true, 0);
	pr_every_cut(&f);
}
END_TEST

/* Records longer than the file's snap length are cut to it, and a file
 * that ends in the part libpcap discards says so with the whole length. */
START_TEST(test_pcapr_caplen_beyond_snaplen_cut_same)
{
	struct pr_file f;

	pr_load(&f);
	pr_rewrite(&f, false, false, 60);
	ck_assert_uint_eq(pr_same(f.b, f.n), 10);
	pr_every_cut(&f);
}
END_TEST

START_TEST(test_pcapr_caplen_beyond_maximum_same_error)
{
	struct pr_file f;

	pr_load(&f);
	pr_put(f.b + 24 + 8, 300000, false);
	ck_assert_uint_eq(pr_same(f.b, f.n), 0);
}
END_TEST

/* Records longer than the reader's reads (64 KiB) and up to libpcap's
 * largest, cut inside the largest, and one beyond it. */
START_TEST(test_pcapr_records_beyond_one_read_same)
{
	static const uint32_t len[] = { 200000, 100, 262144, 60 };
	static unsigned char big[24 + 4 * 16 + 200000 + 100 + 262144 + 60];
	struct pr_file f;
	size_t n = 24;

	pr_load(&f);
	memcpy(big, f.b, 24);
	pr_put(big + 16, 262144, false);		/* snap length */
	for (unsigned i = 0; i < 4; i++) {
		pr_put(big + n, 1000 + i, false);
		pr_put(big + n + 4, 999999, false);
		pr_put(big + n + 8, len[i], false);
		pr_put(big + n + 12, len[i], false);
		n += 16;
		for (uint32_t j = 0; j < len[i]; j++)
			big[n + j] = (unsigned char)(j * 7 + i);
		n += len[i];
	}
	ck_assert_uint_eq(n, sizeof(big));
	ck_assert_uint_eq(pr_same(big, n), 4);
	ck_assert_uint_eq(pr_same(big, n - 60 - 16 - 100000), 2);
	pr_put(big + 24 + 8, 262145, false);	/* beyond the largest */
	ck_assert_uint_eq(pr_same(big, n), 0);
}
END_TEST

/* pcapng and old versions are left to libpcap. */
START_TEST(test_pcapr_other_formats_left_to_libpcap)
{
	struct pr_file f;
	struct cap_pcapr r;
	FILE *fp;

	pr_load(&f);
	pr_put16(f.b + 6, 3, false);		/* version 2.3 */
	pr_save(f.b, f.n);
	fp = fopen(tmp_path, "rb");
	ck_assert_ptr_nonnull(fp);
	ck_assert(!cap_pcapr_open(&r, fp));
	ck_assert_int_eq(ftell(fp), 0);
	fclose(fp);
	unlink(tmp_path);
	pr_put16(f.b + 6, 4, false);
	pr_put(f.b, 0x0a0d0d0au, false);	/* a pcapng section */
	ck_assert(!cap_pcapr_open_mem(&r, f.b, f.n));
}
END_TEST

static Suite *
pcapr_suite(void)
{
	Suite *s = suite_create("pcapr");
	TCase *tc = tcase_create("same as libpcap");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_pcapr_shipped_little_endian_same_records);
	tcase_add_test(tc, test_pcapr_big_endian_same_records);
	tcase_add_test(tc, test_pcapr_nanosecond_both_orders_same_records);
	tcase_add_test(tc, test_pcapr_truncated_every_byte_same_errors);
	tcase_add_test(tc, test_pcapr_caplen_beyond_snaplen_cut_same);
	tcase_add_test(tc, test_pcapr_caplen_beyond_maximum_same_error);
	tcase_add_test(tc, test_pcapr_records_beyond_one_read_same);
	tcase_add_test(tc, test_pcapr_other_formats_left_to_libpcap);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(pcapr_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
