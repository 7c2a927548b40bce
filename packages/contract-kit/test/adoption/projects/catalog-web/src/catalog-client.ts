export interface Product {
  id: number;
  name: string;
  price: number;
}

/** CatalogWeb's client for the Catalog service. */
export async function getProduct(baseUrl: string, id: number): Promise<Product> {
  const response = await fetch(`${baseUrl}/products/${id}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Catalog answered ${response.status}`);
  const product = (await response.json()) as Product;
  return { id: product.id, name: product.name, price: product.price };
}
