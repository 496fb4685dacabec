/* igraph's own GraphML writer (the C core under python-igraph's Graph.write_graphml),
 * timed on the graph read from kgraph's GraphML. bench/run.sh uses it because Debian 12's
 * python-igraph 0.10.2 fails on graphs with long string attributes ("Forbidden control
 * character 0x01 found in igraph_i_xml_escape": it hands the core corrupted strings; see
 * igraph/python-igraph#679). Calling the core directly is faster than going through Python,
 * so the ratio against kgraph is conservative.
 * Prints "igraph-c write SECONDS BYTES".
 * Usage: kg-igraph-write IN.graphml OUT.graphml
 * Build: cc -O2 igraph_write.c $(pkg-config --cflags --libs igraph)   (Debian libigraph-dev) */
#include <igraph.h>

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: kg-igraph-write IN.graphml OUT.graphml\n");
        return 2;
    }
    igraph_set_attribute_table(&igraph_cattribute_table);
    FILE* in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }
    igraph_t g;
    if (igraph_read_graph_graphml(&g, in, 0) != IGRAPH_SUCCESS) { fprintf(stderr, "read failed\n"); return 1; }
    fclose(in);
    double t = now();
    FILE* out = fopen(argv[2], "wb");
    if (!out) { perror(argv[2]); return 1; }
    if (igraph_write_graph_graphml(&g, out, /*prefixattr=*/1) != IGRAPH_SUCCESS) { fprintf(stderr, "write failed\n"); return 1; }
    fclose(out);
    double dt = now() - t;
    struct stat st;
    stat(argv[2], &st);
    printf("igraph-c write %.6f %lld\n", dt, (long long)st.st_size);
    igraph_destroy(&g);
    return 0;
}
