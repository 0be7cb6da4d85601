package cn.govdata.pipelines.link;

/**
 * Connected components over dense record numbers 0..n-1: linked pairs become clusters. Path halving
 * and union by size keep it near-linear; a million records take a few megabytes.
 */
public final class UnionFind {

  private final int[] parent;
  private final int[] size;

  public UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  public int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  public void union(int a, int b) {
    int rootA = find(a);
    int rootB = find(b);
    if (rootA == rootB) {
      return;
    }
    if (size[rootA] < size[rootB]) {
      int swap = rootA;
      rootA = rootB;
      rootB = swap;
    }
    parent[rootB] = rootA;
    size[rootA] += size[rootB];
  }

  /**
   * Each record's component, named by the smallest record number in it, so that the labels do not
   * depend on the order the pairs arrived in.
   */
  public int[] components() {
    int n = parent.length;
    int[] smallest = new int[n];
    java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      int root = find(i);
      smallest[root] = Math.min(smallest[root], i);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = smallest[find(i)];
    }
    return labels;
  }
}
